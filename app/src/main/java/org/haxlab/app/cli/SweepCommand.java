package org.haxlab.app.cli;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.haxlab.app.jobs.DeviceSlot;
import org.haxlab.app.jobs.FolderLock;
import org.haxlab.app.jobs.JobScheduler;
import org.haxlab.app.jobs.ProcessLauncher;
import org.haxlab.app.jobs.RunJob;
import org.haxlab.app.jobs.RunLauncher;
import org.haxlab.app.sweep.SweepGrid;
import org.haxlab.app.sweep.SweepReport;
import org.haxlab.app.table.TableLocalRun;
import org.haxlab.model.train.CheckpointStore;
import org.haxlab.model.train.ModelFactory;
import org.haxlab.model.train.TaskFactory;
import org.haxlab.model.train.Wiring;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code haxlab sweep}: every combination of a grid of {@code train} options as its own {@code train} process, with
 * the table's scheduler ({@code --devices}, {@code --jobs-per-device}, one progress line per run, an ETA, failed runs
 * reported with their log); an interrupted sweep continues with {@code --resume}. Writes {@code OUT/runs/<config>/},
 * {@code OUT/logs/<config>.log} and {@code OUT/sweep.csv}. Exit codes: 0 every run finished, 1 a run failed, 2 bad
 * options.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Train every combination of a grid of train options, each its own process, several at once on "
                + "each device; writes OUT/sweep.csv.",
                "Example: haxlab sweep --out runs/zoo --grid backbone=mamba1,mamba2 --grid pattern=ssm,hax "
                        + "--grid seed=0,1,2 --jobs-per-device 6 -- --steps 3000 --batch 64 --test-samples 512"})
public final class SweepCommand implements Callable<Integer> {

    /** The sweep's description in OUT; a resumed sweep must have the same fixed train arguments. */
    static final String SWEEP_FILE = "sweep.json";
    /** The sweep folder's lock file. */
    static final String LOCK = ".sweep.lock";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "Sweep folder (runs/, logs/, sweep.csv).")
    Path out;
    @Option(names = "--grid", paramLabel = "NAME=V1,V2", description = "An axis: a train option without its dashes and "
            + "its values (repeatable; e.g. lr=1e-3,3e-3, d-model=32,64, double-width=true,false).")
    List<String> grid = new ArrayList<>();
    @Option(names = "--grid-file", description = "Axes, one NAME=V1,V2 per line (# comments).")
    Path gridFile;
    @Mixin
    JobOptions placement = new JobOptions();
    @Option(names = "--resume", description = "Continue a sweep in --out: skip finished runs, continue the others "
            + "from their last checkpoint.")
    boolean resume;
    @Parameters(paramLabel = "TRAIN_ARG", description = "After --: train options every run shares (e.g. -- --steps 3000 "
            + "--batch 64).")
    List<String> fixed = new ArrayList<>();

    private final ModelFactory models;
    private final TaskFactory tasks;
    private final boolean fixture;

    /** The command with the real model and task: every run is a child process. */
    public SweepCommand() {
        this.models = Wiring.models();
        this.tasks = Wiring.tasks();
        this.fixture = false;
    }

    /** The command with given factories (tests): the runs go through the same scheduler in this JVM, one at a time. */
    public SweepCommand(ModelFactory models, TaskFactory tasks) {
        this.models = models;
        this.tasks = tasks;
        this.fixture = true;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        SweepGrid sweep;
        List<SweepGrid.Config> configs;
        Set<String> flags;
        List<DeviceSlot> slots;
        try {
            List<String> where = new ArrayList<>();
            grid.forEach(g -> where.add("--grid " + g));
            Map<String, List<String>> axes = new LinkedHashMap<>(SweepGrid.parseAxes(grid, where));
            if (gridFile != null) {
                for (Map.Entry<String, List<String>> e : SweepGrid.readFile(gridFile).entrySet()) {
                    if (axes.put(e.getKey(), e.getValue()) != null) {
                        throw new IllegalArgumentException("axis " + e.getKey() + " is given by --grid and in " + gridFile);
                    }
                }
            }
            sweep = new SweepGrid(axes, fixed);
            configs = sweep.configs();
            flags = checkTrainArgs(sweep, configs);
            slots = placement.slots();
            checkResume(sweep);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("error: --grid-file " + e.getMessage());
            return 2;
        }
        try (FolderLock lock = FolderLock.acquire(out.resolve(LOCK), "sweep")) {
            return run(sweep, configs, flags, slots, stdout, err);
        } catch (IOException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return 1;
        }
    }

    private int run(SweepGrid sweep, List<SweepGrid.Config> configs, Set<String> flags, List<DeviceSlot> slots,
                    PrintWriter stdout, PrintWriter err) throws IOException, InterruptedException {
        writeSweepFile(sweep);
        Path runs = out.resolve("runs");
        Path logs = out.resolve("logs");
        List<RunJob> jobs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int n = configs.size();
        for (int i = 0; i < n; i++) {
            SweepGrid.Config c = configs.get(i);
            Path dir = runs.resolve(c.name());
            Path log = logs.resolve(c.name() + ".log");
            String label = (i + 1) + "/" + n;
            if (SweepReport.done(dir, log)) {
                err.println("[" + label + " " + c.name() + "] done earlier, skipped");
                continue;
            }
            boolean resumable = Files.isDirectory(dir.resolve(CheckpointStore.LAST));
            if (!resumable && Files.exists(dir)) {
                CheckpointStore.deleteTree(dir);   // killed before its first checkpoint: nothing to continue
            }
            Files.createDirectories(runs);
            jobs.add(new RunJob(c.name(), dir, sweep.trainArgs(c, flags, dir, resumable), log, resumable));
            labels.add(label);
        }
        int concurrent = Math.min(Math.max(1, jobs.size()), slots.size() * placement.jobsPerDevice());
        int perRun = TableLocalRun.threadsPerRun(placement.threads(), concurrent, Runtime.getRuntime().availableProcessors());
        err.println("sweep: " + n + " configurations -> " + out + "; " + (n - jobs.size()) + " done, " + jobs.size()
                + " to run; " + placement.jobsPerDevice() + " per device on " + slots + ", " + perRun + " thread(s) each");
        err.flush();
        RunLauncher launcher = fixture ? new InProcessLauncher(models, tasks) : new ProcessLauncher();
        JobScheduler scheduler = new JobScheduler(launcher, slots, placement.jobsPerDevice(), perRun, err, job -> describe(job));
        List<JobScheduler.Outcome> outcomes = scheduler.run(jobs, labels);
        Path csv = SweepReport.write(out, sweep, configs, runs, logs);
        stdout.print(Files.readString(csv, StandardCharsets.UTF_8));
        stdout.println("wrote " + csv);
        stdout.flush();
        List<String> failed = outcomes.stream().filter(o -> !o.ok()).map(o -> o.job().name()).toList();
        if (!failed.isEmpty()) {
            err.println("sweep: " + failed.size() + " run(s) failed: " + String.join(", ", failed) + "; logs in " + logs
                    + "; rerun with --resume to continue them");
            err.flush();
            return 1;
        }
        return 0;
    }

    private static String describe(RunJob job) {
        try {
            SweepReport.Summary s = SweepReport.lastSummary(job.log());
            String base = s == null ? "no summary line in " + job.log()
                    : s.state() + " after " + s.steps() + " steps, best val accuracy " + s.bestValAccuracy();
            return Files.isRegularFile(job.runDir().resolve(org.haxlab.app.table.RunResult.FILE))
                    ? base + ", " + TableLocalRun.summary(job.runDir()) : base;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** Parses every configuration's train arguments without running them; returns train's flag options. */
    private Set<String> checkTrainArgs(SweepGrid sweep, List<SweepGrid.Config> configs) {
        CommandLine probe = new CommandLine(new TrainCommand(models, tasks));
        Set<String> flags = new TreeSet<>();
        Set<String> known = new TreeSet<>();
        for (CommandLine.Model.OptionSpec o : probe.getCommandSpec().options()) {
            for (String name : o.names()) {
                String bare = name.replaceFirst("^-+", "");
                known.add(bare);
                if (o.arity().max() == 0) {
                    flags.add(bare);
                }
            }
        }
        for (String axis : sweep.axes().keySet()) {
            if (!known.contains(axis)) {
                throw new IllegalArgumentException("axis " + axis + ": train has no option --" + axis
                        + " (see haxlab train --help)");
            }
        }
        for (SweepGrid.Config c : configs) {
            List<String> args = sweep.trainArgs(c, flags, out.resolve("runs").resolve(c.name()), false);
            try {
                new CommandLine(new TrainCommand(models, tasks)).parseArgs(args.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                throw new IllegalArgumentException("configuration " + c.name() + ": " + e.getMessage());
            }
        }
        return flags;
    }

    private void checkResume(SweepGrid sweep) {
        Path file = out.resolve(SWEEP_FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        if (!resume) {
            throw new IllegalArgumentException(out + " already holds a sweep (" + SWEEP_FILE
                    + "): pass --resume to continue it, or choose another --out");
        }
        JsonObject saved;
        try {
            saved = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + " cannot be read (" + e.getMessage() + "); move it away to start over");
        }
        // the shared arguments define what the runs are comparable on; axes may grow (new folders)
        List<String> was = new ArrayList<>();
        saved.getAsJsonArray("fixed").forEach(e -> was.add(e.getAsString()));
        if (!was.equals(sweep.fixed())) {
            throw new IllegalArgumentException("--resume: the shared train arguments differ from the sweep in " + out
                    + ": " + String.join(" ", was) + " -> " + String.join(" ", sweep.fixed())
                    + " (use the same, or another --out)");
        }
    }

    private void writeSweepFile(SweepGrid sweep) throws IOException {
        JsonObject o = new JsonObject();
        JsonObject axes = new JsonObject();
        sweep.axes().forEach((k, v) -> {
            JsonArray a = new JsonArray();
            v.forEach(a::add);
            axes.add(k, a);
        });
        o.add("axes", axes);
        JsonArray f = new JsonArray();
        sweep.fixed().forEach(f::add);
        o.add("fixed", f);
        Files.createDirectories(out);
        Path tmp = out.resolve(SWEEP_FILE + ".tmp");
        Files.writeString(tmp, new Gson().toJson(o) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, out.resolve(SWEEP_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
