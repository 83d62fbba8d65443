package org.haxlab.app.cli;

import ai.djl.Device;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.haxlab.app.table.RunResult;
import org.haxlab.app.table.Splits;
import org.haxlab.app.table.TableEntry;
import org.haxlab.app.table.TableProgress;
import org.haxlab.app.table.TableRow;
import org.haxlab.app.table.TableRun;
import org.haxlab.app.table.TableScale;
import org.haxlab.app.table.TableWriter;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.train.ModelFactory;
import org.haxlab.model.train.SequenceSource;
import org.haxlab.model.train.TaskFactory;
import org.haxlab.model.train.TaskSpec;
import org.haxlab.model.train.Wiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code haxlab table}: the desktop-scale reproduction of the paper's Table 1 (spec §4). For every (row, seed)
 * it trains one model with validation, tests its best validation checkpoint on a held-out split, and writes
 * {@code OUT/runs/<row>-s<seed>/} (metrics.csv, best/, last/, result.json); after every run it rewrites
 * {@code OUT/table.csv} and {@code OUT/table.md} (mean ± std over seeds, the paper's numbers beside).
 * {@code --resume} skips runs whose result.json exists, so an interrupted table loses at most one run.
 * Exit codes: 0 every run done, 1 a run failed to train or save, 2 bad options or a mismatching resume.
 */
@Command(name = "table", mixinStandardHelpOptions = true,
        description = "Reproduce the paper's Table 1 at desktop scale: train every pattern x seed, test at the best "
                + "validation checkpoint, write table.md and table.csv into --out.")
public final class TableCommand implements Callable<Integer> {

    /** The scale's description file in OUT; a resumed table must match it. */
    static final String SCALE_FILE = "table.json";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--backbone", defaultValue = "mamba1", description = "mamba1 or mamba2 (default: ${DEFAULT-VALUE}).")
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
    @Option(names = "--out", required = true, description = "Table directory to write (runs/, table.md, table.csv).")
    Path out;
    @Option(names = "--threads", defaultValue = "0", description = "PyTorch intra-op threads; 0 = one per core (default).")
    int threads;
    @Option(names = "--device", defaultValue = "cpu", description = "cpu, gpu, gpu:N or auto (default: ${DEFAULT-VALUE}).")
    String device;
    @Option(names = "--resume", description = "Continue a table in --out: skip the runs that have a result.json.")
    boolean resume;

    private final ModelFactory models;
    private final TaskFactory tasks;

    /** The command with the real model and task ({@link Wiring}). */
    public TableCommand() {
        this(Wiring.models(), Wiring.tasks());
    }

    /** The command with given factories (tests use small fixtures). */
    public TableCommand(ModelFactory models, TaskFactory tasks) {
        this.models = models;
        this.tasks = tasks;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        TableScale scale;
        List<TableEntry> entries;
        List<Long> seedList;
        Device dev;
        try {
            TaskSpec task = TaskSpec.of(contexts, keys);
            int warm = warmup >= 0 ? warmup : steps / 10;
            int every = valEvery >= 0 ? valEvery : Math.max(1, steps / 10);
            scale = new TableScale(Backbone.parse(backbone), task, dModel, dState, k, maxLen, hashBits, steps, batch, lr,
                    warm, every, valSamples, testSamples, dataSeed);
            entries = TableEntry.parseList(patterns);
            seedList = parseSeeds(seeds);
            if (threads < 0) {
                throw new IllegalArgumentException("--threads " + threads + " must be >= 0 (0 = one per core)");
            }
            for (TableEntry e : entries) {
                scale.modelConfig(e, 0);   // fails here, before any training, if a row's config is invalid
            }
            dev = TrainCommand.device(device);
            checkResume(scale, entries, seedList);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        try {
            return runTable(scale, entries, seedList, dev, err, stdout);
        } catch (IOException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private int runTable(TableScale scale, List<TableEntry> entries, List<Long> seedList, Device dev, PrintWriter err,
                         PrintWriter stdout) throws IOException {
        setThreads(threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
        Files.createDirectories(out);
        String command = commandLine();
        writeScaleFile(scale, entries, seedList, command);
        SequenceSource raw = tasks.create(scale.task());
        Splits splits = Splits.draw(raw, scale.valSamples(), scale.testSamples(), scale.dataSeed());
        SequenceSource source = splits.trainingSource(raw);
        TableRun runner = new TableRun(models, dev);
        int planned = entries.size() * seedList.size();
        err.println("table: " + planned + " runs (" + entries.size() + " rows x " + seedList.size() + " seeds) -> " + out);
        err.println("scale: " + scale.describe());
        List<RunResult> results = new ArrayList<>();
        double trainedSeconds = 0;
        int trained = 0;
        int index = 0;
        int failed = 0;
        for (TableEntry entry : entries) {
            for (long seed : seedList) {
                index++;
                Path runDir = out.resolve("runs").resolve(RunResult.dirName(entry, seed));
                String name = "[" + index + "/" + planned + " " + RunResult.dirName(entry, seed) + "]";
                RunResult r;
                if (resume && Files.isRegularFile(runDir.resolve(RunResult.FILE))) {
                    r = RunResult.load(runDir);
                    err.println(name + " done earlier (test accuracy " + pct(r.testAccuracy()) + "), skipped");
                } else {
                    double perRun = trained == 0 ? Double.NaN : trainedSeconds / trained;
                    long t0 = System.nanoTime();
                    r = runner.run(entry, seed, scale, source, splits, tasks.describe(scale.task()), runDir,
                            new TableProgress(err, name, scale.steps(), scale.valEvery(), planned - index, perRun));
                    trainedSeconds += (System.nanoTime() - t0) / 1e9;
                    trained++;
                    err.println(name + " test accuracy " + pct(r.testAccuracy()) + " at step " + r.bestStep()
                            + " (" + r.state() + ")");
                }
                if (!r.state().equals("finished")) {
                    failed++;
                }
                results.add(r);
                TableWriter.write(out, TableRow.aggregate(results, entries), scale, command, planned, results.size());
            }
        }
        String md = Files.readString(out.resolve(TableWriter.MARKDOWN), StandardCharsets.UTF_8);
        stdout.print(md);
        stdout.println("wrote " + out.resolve(TableWriter.MARKDOWN) + " and " + out.resolve(TableWriter.CSV)
                + (failed > 0 ? " (" + failed + " run(s) did not finish: see the runs' metrics.csv)" : ""));
        stdout.flush();
        return 0;
    }

    /** {@code N} gives 0..N-1; a comma list gives those seeds. */
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

    /**
     * Refuses to mix tables: an OUT that already holds a table needs --resume, and a resumed table must have the
     * same scale (otherwise its rows would not be comparable).
     */
    private void checkResume(TableScale scale, List<TableEntry> entries, List<Long> seedList) {
        Path file = out.resolve(SCALE_FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        if (!resume) {
            throw new IllegalArgumentException(out + " already holds a table (" + SCALE_FILE
                    + "): pass --resume to continue it, or choose another --out");
        }
        JsonObject saved;
        try {
            saved = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + " cannot be read (" + e.getMessage() + "); move it away to start over");
        }
        JsonObject was = saved.getAsJsonObject("scale");
        JsonObject now = scale.toJson();
        List<String> diff = new ArrayList<>();
        for (String key : now.keySet()) {
            if (was == null || !now.get(key).equals(was.get(key))) {
                diff.add(key + " " + (was == null ? "?" : was.get(key)) + " -> " + now.get(key));
            }
        }
        if (!diff.isEmpty()) {
            throw new IllegalArgumentException("--resume: the scale differs from the table in " + out + ": "
                    + String.join("; ", diff) + " (use the same options, or another --out)");
        }
    }

    private void writeScaleFile(TableScale scale, List<TableEntry> entries, List<Long> seedList, String command)
            throws IOException {
        JsonObject o = new JsonObject();
        o.add("scale", scale.toJson());
        o.addProperty("patterns", String.join(",", entries.stream().map(TableEntry::id).toList()));
        o.addProperty("seeds", seedList.toString());
        o.addProperty("command", command);
        // temp file + rename: a second process of the same table (run-table.sh runs two) never reads half a file
        Path tmp = Files.createTempFile(out, SCALE_FILE, ".tmp");
        Files.writeString(tmp, new GsonBuilder().setPrettyPrinting().create().toJson(o) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, out.resolve(SCALE_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
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

    /** Intra-op threads of the PyTorch engine; a no-op on other engines. */
    private static void setThreads(int n) {
        ai.djl.engine.Engine engine = ai.djl.engine.Engine.getInstance();
        if ("PyTorch".equals(engine.getEngineName())) {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(n);
        }
    }

    private static String pct(double x) {
        return Double.isFinite(x) ? String.format(java.util.Locale.ROOT, "%.1f %%", 100 * x) : "-";
    }
}
