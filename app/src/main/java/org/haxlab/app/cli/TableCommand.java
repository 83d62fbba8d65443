package org.haxlab.app.cli;

import org.haxlab.app.jobs.DeviceSlot;
import org.haxlab.app.jobs.ProcessLauncher;
import org.haxlab.app.jobs.RunJob;
import org.haxlab.app.jobs.RunLauncher;
import org.haxlab.app.table.SlurmScript;
import org.haxlab.app.table.TableEntry;
import org.haxlab.app.table.TableFiles;
import org.haxlab.app.table.TableLocalRun;
import org.haxlab.app.table.TablePlan;
import org.haxlab.app.table.TableScale;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.train.ModelFactory;
import org.haxlab.model.train.TaskFactory;
import org.haxlab.model.train.TaskSpec;
import org.haxlab.model.train.Wiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code haxlab table}: the desktop-scale reproduction of the paper's Table 1 (spec §4). Every (row, seed) is one
 * {@code haxlab train} process ({@code --jobs-per-device} at once on each device of {@code --devices}) that trains
 * with validation, tests its best validation checkpoint on the table's test split and writes
 * {@code OUT/runs/<row>-s<seed>/} (metrics.csv, best/, last/, result.json; its output goes to
 * {@code OUT/logs/<row>-s<seed>.log}); when all runs ended, {@code OUT/table.csv} and {@code OUT/table.md} (mean ± std
 * over seeds, the paper's numbers beside). {@code --resume} skips finished runs and continues unfinished ones from
 * their last checkpoint. {@code --emit slurm DIR} writes the same table as a Slurm job array, {@code --task I} is one
 * of its tasks and {@code --aggregate} writes the table from the runs (docs/CLUSTER.md).
 * Exit codes: 0 every run done, 1 a run failed (named, with its log), 2 bad options or a mismatching resume.
 */
@Command(name = "table", mixinStandardHelpOptions = true,
        description = "Reproduce the paper's Table 1 at desktop scale: train every pattern x seed, test at the best "
                + "validation checkpoint, write table.md and table.csv into --out.")
public final class TableCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--backbone", defaultValue = "mamba2", description = "mamba1 or mamba2 (default: ${DEFAULT-VALUE}, as train).")
    String backbone;
    @Option(names = "--patterns", defaultValue = "ssm,sw,a,d,swd,lsh,ks,hax,base2x",
            description = "Rows, comma-separated, from ssm, sw, a, d, swd, lsh, ks, hax, base2x (default: ${DEFAULT-VALUE}).")
    String patterns;
    @Option(names = "--seeds", defaultValue = "3",
            description = "N (seeds 0..N-1) or a list such as 4,7 (a single seed S: 'S,') (default: ${DEFAULT-VALUE}).")
    String seeds;
    @Option(names = "--steps", defaultValue = "3000", description = "Optimiser steps per run (paper: 400000; default: ${DEFAULT-VALUE}).")
    int steps;
    @Option(names = "--batch", defaultValue = "16", description = "Sequences per step (paper: 64; default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--lr", defaultValue = "3e-3", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;
    @Option(names = "--warmup", defaultValue = "-1", description = "Linear warm-up steps (default: a tenth of --steps).")
    int warmup;
    @Option(names = "--val-every", defaultValue = "-1", description = "Validate every N steps (default: a tenth of --steps).")
    int valEvery;
    @Option(names = "--contexts", defaultValue = "2..4", description = "n_c: N or A..B (paper: 5..16; default: ${DEFAULT-VALUE}).")
    String contexts;
    @Option(names = "--keys", defaultValue = "2..4", description = "n_k: N or A..B (paper: 5..16; default: ${DEFAULT-VALUE}).")
    String keys;
    @Option(names = "--d-model", defaultValue = "32", description = "Base model width (paper: 64; default: ${DEFAULT-VALUE}).")
    int dModel;
    @Option(names = "--d-state", defaultValue = "8", description = "SSM state size N (paper: 16 Mamba, 32 Mamba-2; default: ${DEFAULT-VALUE}).")
    int dState;
    @Option(names = "--k", defaultValue = "8",
            description = "Sparse budget, keys per query, scaled with the length (paper: 64 of 1058; default: ${DEFAULT-VALUE}).")
    int k;
    @Option(names = "--max-len", defaultValue = "148",
            description = "Dilation maxLen, about twice the longest sequence (paper: 2048 for 1058; default: ${DEFAULT-VALUE}).")
    int maxLen;
    @Option(names = "--hash-bits", defaultValue = "4",
            description = "LSH sign bits h, scaled so that a bin holds a few tokens (paper: 8; default: ${DEFAULT-VALUE}).")
    int hashBits;
    @Option(names = "--val-samples", defaultValue = "128", description = "Validation sequences (paper: 100 per cell; default: ${DEFAULT-VALUE}).")
    int valSamples;
    @Option(names = "--test-samples", defaultValue = "512", description = "Test sequences (paper: 100 per cell; default: ${DEFAULT-VALUE}).")
    int testSamples;
    @Option(names = "--data-seed", defaultValue = "20250700", description = "Seed of the validation and test splits (default: ${DEFAULT-VALUE}).")
    long dataSeed;
    @Option(names = "--out", required = true, description = "Table directory to write (runs/, logs/, table.md, table.csv).")
    Path out;
    @Mixin
    JobOptions placement = new JobOptions();
    @Option(names = "--resume", description = "Continue a table in --out: skip finished runs, continue unfinished ones "
            + "from their last checkpoint. With a larger --steps (every other option the same) every run goes on to "
            + "the new total, its shorter result kept as result-<steps>-steps.json.")
    boolean resume;
    @Option(names = "--emit", arity = "2", paramLabel = "slurm DIR", hideParamSyntax = true, description = "Write a Slurm job array (one task "
            + "per row x seed), its aggregation job and submit.sh into DIR instead of training (docs/CLUSTER.md).")
    List<String> emit;
    @Option(names = "--aggregate", description = "Only write table.md and table.csv from the runs in --out; exit 1 "
            + "naming the runs still missing.")
    boolean aggregate;
    @Option(names = "--task", paramLabel = "I", description = "Train run I (0-based, row by row) in this process, "
            + "continuing it from its last checkpoint: what a Slurm array task runs.")
    Integer task;

    private final ModelFactory models;
    private final TaskFactory tasks;
    private final boolean fixture;

    /** The command with the real model and task ({@link Wiring}): every run is a child process. */
    public TableCommand() {
        this.models = Wiring.models();
        this.tasks = Wiring.tasks();
        this.fixture = false;
    }

    /** The command with given factories (tests use small fixtures): the runs go through the same scheduler in this JVM. */
    public TableCommand(ModelFactory models, TaskFactory tasks) {
        this.models = models;
        this.tasks = tasks;
        this.fixture = true;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        TablePlan plan;
        List<DeviceSlot> slots;
        try {
            TaskSpec taskSpec = TaskSpec.of(contexts, keys);
            checkSizes(taskSpec);
            int warm = warmup >= 0 ? warmup : steps / 10;
            int every = valEvery >= 0 ? valEvery : Math.max(1, steps / 10);
            TableScale scale = new TableScale(Backbone.parse(backbone), taskSpec, dModel, dState, k, maxLen, hashBits,
                    steps, batch, lr, warm, every, valSamples, testSamples, dataSeed);
            List<TableEntry> entries = TableEntry.parseList(patterns);
            List<Long> seedList = parseSeeds(seeds);
            for (TableEntry e : entries) {
                scale.modelConfig(e, 0);   // fails here, before any training, if a row's config is invalid
            }
            plan = new TablePlan(scale, entries, seedList, contexts, keys, out);
            checkModes(plan);
            slots = placement.slots();
            if (!aggregate && emit == null) {
                TableFiles.checkResume(out, scale, resume || task != null);
            }
            if (aggregate) {
                TableFiles.checkAggregate(out, scale);
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        try {
            if (emit != null) {
                return emitSlurm(plan, slots, stdout);
            }
            if (aggregate) {
                return TableFiles.aggregate(plan, stdout, err);
            }
            if (task != null) {
                return runTask(plan, slots.get(0), err);
            }
            return new TableLocalRun(plan, slots, placement.jobsPerDevice(), placement.threads(), launcher(), commandLine()).run(stdout, err);
        } catch (IOException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return 1;
        }
    }

    private void checkModes(TablePlan plan) {
        int modes = (emit != null ? 1 : 0) + (aggregate ? 1 : 0) + (task != null ? 1 : 0);
        if (modes > 1) {
            throw new IllegalArgumentException("--emit, --aggregate and --task are separate steps: give one of them");
        }
        if (emit != null && !emit.get(0).equalsIgnoreCase("slurm")) {
            throw new IllegalArgumentException("--emit " + emit.get(0) + ": the only scheduler is slurm (--emit slurm DIR)");
        }
        if (emit != null) {
            // before anything is written into --out: DIR must be able to become a folder of scripts
            OutputPaths.checkDirectory(spec.commandLine(), "--emit slurm", Path.of(emit.get(1)));
        }
        int n = plan.runs().size();
        if (task != null && (task < 0 || task >= n)) {
            throw new IllegalArgumentException("--task " + task + " is not a run of this table (0.." + (n - 1) + ")");
        }
    }

    private RunLauncher launcher() {
        return fixture ? new InProcessLauncher(models, tasks) : new ProcessLauncher();
    }

    /** One Slurm array task: the run of index {@code --task}, in this JVM, resumed when it has a checkpoint. */
    private int runTask(TablePlan plan, DeviceSlot slot, PrintWriter err) throws IOException {
        TablePlan.Run run = plan.runs().get(task);
        Files.createDirectories(out);
        TableFiles.writeScaleFile(out, plan, TableFiles.recordedCommand(out, commandLine()));
        TablePlan.Status st = TablePlan.status(run);
        if (st == TablePlan.Status.DONE) {
            err.println("[" + run.name() + "] done earlier: " + TableLocalRun.summary(run.runDir()));
            return 0;
        }
        RunJob job = plan.prepare(run);
        err.println("[" + run.name() + "] " + (job.resumed() ? "resuming from its last checkpoint" : "starting")
                + " on " + slot + ", log " + job.log());
        err.flush();
        int t = placement.threads() > 0 ? placement.threads() : Runtime.getRuntime().availableProcessors();
        int code = new InProcessLauncher(models, tasks).runHere(job, slot, t);
        err.println("[" + run.name() + "] " + (code == 0 ? "done: " + TableLocalRun.summary(run.runDir())
                : "train exited with " + code + "; see " + job.log()));
        return code;
    }

    private int emitSlurm(TablePlan plan, List<DeviceSlot> slots, PrintWriter stdout) throws IOException {
        Path dir = Path.of(emit.get(1));
        Files.createDirectories(out);
        TableFiles.checkResume(out, plan.scale(), true);
        TableFiles.writeScaleFile(out, plan, TableFiles.recordedCommand(out, commandLine()));
        boolean gpu = slots.get(0).gpu();
        int cpus = placement.threads() > 0 ? placement.threads() : (gpu ? 4 : 1);
        List<String> command = fixture ? List.of("haxlab") : ProcessLauncher.commandPrefix();
        List<Path> files = SlurmScript.write(dir, plan, command, taskArgs(), gpu, cpus);
        stdout.println("wrote " + files.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse("")
                + ": " + plan.runs().size() + " tasks, one " + (gpu ? "GPU" : "CPU slot") + " each; submit with "
                + dir.resolve(SlurmScript.SUBMIT));
        stdout.flush();
        return 0;
    }

    /** The table's options as every Slurm task repeats them (absolute --out). */
    private List<String> taskArgs() {
        return List.of("--backbone", backbone, "--patterns", patterns, "--seeds", seeds, "--steps", Integer.toString(steps),
                "--batch", Integer.toString(batch), "--lr", Double.toString(lr), "--warmup", Integer.toString(warmup),
                "--val-every", Integer.toString(valEvery), "--contexts", contexts, "--keys", keys,
                "--d-model", Integer.toString(dModel), "--d-state", Integer.toString(dState), "--k", Integer.toString(k),
                "--max-len", Integer.toString(maxLen), "--hash-bits", Integer.toString(hashBits),
                "--val-samples", Integer.toString(valSamples), "--test-samples", Integer.toString(testSamples),
                "--data-seed", Long.toString(dataSeed), "--out", out.toAbsolutePath().toString());
    }

    /** {@code N} gives 0..N-1; a comma list gives those seeds. */
    /**
     * Parse-time checks: --out can be a writable directory (nothing is created here), and the sizes (grid, widths, batches,
     * splits) are within the vocabulary and this machine's memory.
     */
    private void checkSizes(TaskSpec task) {
        CommandLine cl = spec.commandLine();
        OutputPaths.checkDirectory(cl, "--out", out);
        for (String[] grid : new String[][] {{"--contexts", contexts}, {"--keys", keys}}) {
            try {
                new GridOptions.Slots().convert(grid[1]);
            } catch (CommandLine.TypeConversionException e) {
                throw new CommandLine.ParameterException(cl, grid[0] + " " + e.getMessage());
            }
        }
        // base2x doubles the width, and a checkpoint is read back only up to ConfigJson.MAX_WIDTH
        Limits.check(cl, "--d-model", dModel, 1, org.haxlab.model.train.ConfigJson.MAX_WIDTH / 2, null);
        Limits.check(cl, "--d-state", dState, 1, org.haxlab.model.train.ConfigJson.MAX_WIDTH, null);
        Limits.check(cl, "--batch", batch, 1, Limits.maxBatch(task.maxLength()), "what this machine's memory holds");
        int held = Limits.maxSequences(task.maxLength());
        Limits.check(cl, "--val-samples", valSamples, 1, held, "held in memory");
        Limits.check(cl, "--test-samples", testSamples, 1, held, "held in memory");
    }

    static List<Long> parseSeeds(String text) {
        String t = text.strip();
        List<Long> out = new ArrayList<>();
        try {
            if (!t.contains(",")) {
                int n = Integer.parseInt(t);
                if (n < 1) {
                    throw new IllegalArgumentException("--seeds " + text + ": need at least one seed");
                }
                for (long s = 0; s < n; s++) {
                    out.add(s);
                }
                return List.copyOf(out);
            }
            for (String part : t.split(",")) {
                if (!part.isBlank()) {
                    long s = Long.parseLong(part.strip());
                    if (out.contains(s)) {
                        throw new IllegalArgumentException("--seeds " + text + ": seed " + s + " is listed twice");
                    }
                    out.add(s);
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seeds '" + text + "' is not a count N or a list such as 0,1,2");
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--seeds '" + text + "' lists no seed");
        }
        return List.copyOf(out);
    }

    /** The command line as typed (arguments with spaces quoted), for the markdown. */
    private String commandLine() {
        StringBuilder b = new StringBuilder("haxlab table");
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        // run through the root command, the original arguments start with the command's own name
        if (!args.isEmpty() && args.get(0).equals(spec.name())) {
            args = args.subList(1, args.size());
        }
        for (String a : args) {
            b.append(' ').append(a.isEmpty() || a.matches(".*[\\s'\"$].*") ? "'" + a.replace("'", "'\\''") + "'" : a);
        }
        return b.toString();
    }
}
