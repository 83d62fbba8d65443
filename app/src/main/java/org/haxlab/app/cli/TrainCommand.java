package org.haxlab.app.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.haxlab.model.nd.InitScheme;
import org.haxlab.app.table.BestCheckpointTest;
import org.haxlab.app.table.RunResult;
import org.haxlab.app.table.Splits;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.task.Split;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.train.CheckpointException;
import org.haxlab.model.train.CheckpointStore;
import org.haxlab.model.train.CheckpointWriter;
import org.haxlab.model.train.MetricsCsv;
import org.haxlab.model.train.ModelFactory;
import org.haxlab.model.train.NpzExporter;
import org.haxlab.model.train.ProgressLine;
import org.haxlab.model.train.ResumePoint;
import org.haxlab.model.train.ResumeState;
import org.haxlab.model.train.RunFolder;
import org.haxlab.model.train.RunFolderException;
import org.haxlab.model.train.RunState;
import org.haxlab.model.train.RunSummary;
import org.haxlab.model.train.Schedule;
import org.haxlab.model.train.SequenceSource;
import org.haxlab.model.train.TaskFactory;
import org.haxlab.model.train.TaskSpec;
import org.haxlab.model.train.Trainer;
import org.haxlab.model.train.TrainingConfig;
import org.haxlab.model.train.Wiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code haxlab train}: trains one model on joint recall and writes {@code OUT/metrics.csv},
 * {@code OUT/best/} and {@code OUT/last/} (and {@code OUT/weights.npz} with {@code --export-npz}).
 * The run holds a lock on OUT while it runs; {@code last/} is saved every {@code --checkpoint-every} steps
 * and at the end with everything {@code --resume} needs to continue exactly. Progress goes to stderr (a
 * redrawn bar on a terminal, plain lines otherwise); the final summary line goes to stdout. Exit codes:
 * 0 finished, stopped (Ctrl-C stops between steps and saves last/) or already complete, 1 diverged or
 * failed (also an unusable checkpoint to resume), 2 bad options or a refused run folder.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model on joint recall; writes metrics.csv, best/ and last/ checkpoints into --out.",
            "A new run needs a new or empty --out; --overwrite clears a previous run there first (only a folder that"
                + " holds a run: metrics.csv, best/ or last/), --resume continues it from last/ exactly as if it had"
                + " never stopped (on the CPU the same losses bit for bit; a copied run folder resumes on another"
                + " machine or device).",
            "With --resume the model, task and training settings come from the run; giving one that differs is"
                + " refused. --steps sets the new total (default: the run's); a cosine schedule follows the new"
                + " total from the resumed step on. One run at a time per folder (a lock in OUT/.lock)."})
public final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--backbone", defaultValue = "mamba2", description = "mamba1 or mamba2 (default: ${DEFAULT-VALUE}).")
    String backbone;
    @Option(names = "--pattern", defaultValue = "hax",
            description = "ssm, full, sw, a, d, swd, lsh, ks or hax (default: ${DEFAULT-VALUE}).")
    String pattern;
    @Option(names = "--steps", defaultValue = "1000",
            description = "Optimiser steps; with --resume the new total (default: ${DEFAULT-VALUE}; resumed: the run's).")
    int steps;
    @Option(names = "--batch", defaultValue = "16", description = "Sequences per step (paper: 64; default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--lr", defaultValue = "1e-3", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;
    @Option(names = "--seed", defaultValue = "0", description = "Seed of the weights, the data and the LSH draws (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--contexts", defaultValue = "2..4", description = "n_c: N or A..B (paper: 5..16; default: ${DEFAULT-VALUE}).")
    String contexts;
    @Option(names = "--keys", defaultValue = "2..4", description = "n_k: N or A..B (paper: 5..16; default: ${DEFAULT-VALUE}).")
    String keys;
    @Option(names = "--out", required = true, description = "Run folder (new or empty unless --resume or --overwrite).")
    Path out;
    @Option(names = "--resume", description = "Continue the run in --out from its last/ checkpoint.")
    boolean resume;
    @Option(names = "--overwrite", description = "Delete the run in --out first (refused for a folder that holds no run).")
    boolean overwrite;
    @Option(names = "--checkpoint-every", defaultValue = "-1",
            description = "Save last/ every N steps, 0 = only at the end (default: at every validation, else a tenth of the run).")
    int checkpointEvery;
    @Option(names = "--warmup", defaultValue = "-1", description = "Linear warm-up steps (default: a tenth of the run, at most 5000).")
    int warmup;
    @Option(names = "--val-every", defaultValue = "-1", description = "Validate every N steps, 0 = never (default: a tenth of the run, at most 500).")
    int valEvery;
    @Option(names = "--val-samples", defaultValue = "64", description = "Held-out sequences (default: ${DEFAULT-VALUE}).")
    int valSamples;
    @Option(names = "--device", defaultValue = "auto", description = "cpu, gpu, gpu:N or auto (default: ${DEFAULT-VALUE}).")
    String device;
    @Option(names = "--k", defaultValue = "64", description = "Sparse budget: keys per query (default: ${DEFAULT-VALUE}).")
    int k;
    @Option(names = "--hash-bits", defaultValue = "8", description = "LSH sign bits h (default: ${DEFAULT-VALUE}).")
    int hashBits;
    @Option(names = "--variant", defaultValue = "causal", description = "causal (HAX Lab's causal rules) or paper "
            + "(the released code's rules, spec §5: non-causal LSH and KS normalisation, fresh hash draws at every "
            + "forward, empty rows read everything, PAD zeroed and batches padded to the task's fixed length) "
            + "(default: ${DEFAULT-VALUE}).")
    String variant;
    @Option(names = "--init", defaultValue = "released",
            description = "Weight initialisation: released (the released configs' initializer_range 0.1) or torch "
                    + "(PyTorch's layer defaults, HAX Lab's first scheme) (default: ${DEFAULT-VALUE}).")
    String init;
    @Option(names = "--schedule", defaultValue = "constant", description = "After warm-up: constant (paper) or cosine (default: ${DEFAULT-VALUE}).")
    String schedule;
    @Option(names = "--clip", defaultValue = "1.0", description = "Global gradient-norm clip, 0 = off (default: ${DEFAULT-VALUE}).")
    double clip;
    @Option(names = "--weight-decay", defaultValue = "0.01", description = "AdamW weight decay (default: ${DEFAULT-VALUE}).")
    double weightDecay;
    @Option(names = "--export-npz", description = "Also write OUT/weights.npz (numpy) of the final weights.")
    boolean exportNpz;
    @Option(names = "--report-every", defaultValue = "1",
            description = "Read loss and accuracy back (metrics.csv row, progress, divergence check) every N steps,"
                    + " plus validation steps and the last one; in between a step never waits for the device, which"
                    + " is what a GPU needs to run at full speed (default: ${DEFAULT-VALUE}).")
    int reportEvery;
    @CommandLine.Mixin
    RunScaleOptions scale = new RunScaleOptions();

    private final ModelFactory models;
    private final TaskFactory tasks;

    /** The command with the real model and task ({@link Wiring}). */
    public TrainCommand() {
        this(Wiring.models(), Wiring.tasks());
    }

    /** The command with given factories (tests use small fixtures). */
    public TrainCommand(ModelFactory models, TaskFactory tasks) {
        this.models = models;
        this.tasks = tasks;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (resume && overwrite) {
            err.println("error: --resume continues the run in --out, --overwrite deletes it: give one of them");
            return 2;
        }
        if (checkpointEvery < -1) {
            err.println("error: --checkpoint-every " + checkpointEvery + " must be >= 0");
            return 2;
        }
        if (resume) {
            return resumeRun(err);
        }
        RunSettings run;
        Device dev;
        try {
            SparseConfig sparse = SparseConfig.paper(Pattern.parse(pattern)).withBudget(k).withHashBits(hashBits)
                    .withVariant(variant(variant));
            TrainingConfig d = TrainingConfig.defaults(steps, batch, lr, seed);
            TaskSpec task = TaskSpec.of(contexts, keys);
            // spec §5: the paper variant pads every batch to the task's fixed length as the released code does
            int padTo = sparse.variant() == SparseConfig.Variant.PAPER ? task.maxLength() : 0;
            TrainingConfig config = new TrainingConfig(steps, batch, lr, warmup >= 0 ? warmup : d.warmupSteps(),
                    Schedule.parse(schedule), weightDecay, clip, d.gateLossWeight(),
                    valEvery >= 0 ? valEvery : d.validateEvery(), padTo, seed);
            run = new RunSettings(scale.modelConfig(Backbone.parse(backbone), sparse, seed).withInit(initScheme(init)),
                    config, task, valSamples);
            dev = device(device);
            if (config.validateEvery() > 0 && valSamples < 1) {
                throw new IllegalArgumentException("--val-samples must be >= 1 when validating");
            }
            if (reportEvery < 1) {
                throw new IllegalArgumentException("--report-every " + reportEvery + " must be >= 1");
            }
            scale.check(sparse.pattern(), valSamples, config.validateEvery());
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        try (RunFolder folder = RunFolder.open(out, overwrite ? RunFolder.Mode.OVERWRITE : RunFolder.Mode.NEW)) {
            return train(run, null, dev, folder, err);
        } catch (RunFolderException e) {
            return refused(e, err);
        }
    }

    /** {@code --resume}: the run's own settings, checked against the options given, continued from last/. */
    private int resumeRun(PrintWriter err) throws java.io.IOException {
        try (RunFolder folder = RunFolder.open(out, RunFolder.Mode.RESUME)) {
            for (String n : folder.removedLeftovers()) {
                err.println("removed " + n + " left by a killed save");
            }
            ResumePoint point;
            RunSettings run;
            try {
                point = new CheckpointStore().readResume(folder.dir());
                run = RunSettings.of(point.checkpoint().record());
            } catch (CheckpointException e) {
                err.println("error: cannot resume: " + e.getMessage());
                return 1;
            } catch (IllegalArgumentException e) {
                err.println("error: cannot resume: " + point(folder) + ": " + e.getMessage());
                return 1;
            }
            Device dev;
            List<String> diff;
            try {
                diff = new ArrayList<>(run.differences(this, spec.commandLine().getParseResult()));
                diff.addAll(scale.resumeDifferences(run.model(), seed, spec.commandLine().getParseResult()));
                diff.addAll(scale.resumeSplits(folder.dir(), spec.commandLine().getParseResult()));
                dev = device(device);
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return 2;
            }
            if (!diff.isEmpty()) {
                err.println("error: the run in " + folder.dir() + " was made with other settings: "
                        + String.join(", ", diff) + ". A resumed run keeps its settings: leave these options out,"
                        + " or start a new run (another --out, or --overwrite)");
                return 2;
            }
            ResumeState at = point.state();
            int total = spec.commandLine().getParseResult().hasMatchedOption("--steps") ? steps : at.totalSteps();
            if (total < at.step()) {
                err.println("error: --steps " + total + ": the run is already at step " + at.step()
                        + " (a resume can only go on)");
                return 2;
            }
            // a tested run killed between its last checkpoint and its test still gets tested (no steps left)
            boolean untested = scale.testing() && !Files.isRegularFile(folder.dir().resolve(RunResult.FILE));
            if (total == at.step() && !untested) {
                err.println("the run in " + folder.dir() + " is complete: " + at.step() + " of " + total
                        + " steps (give --steps with a larger total to train on)");
                spec.commandLine().getOut().printf(Locale.ROOT, "state=complete steps=%d out=%s%n", at.step(), out);
                spec.commandLine().getOut().flush();
                return 0;
            }
            if (total != at.totalSteps() && run.training().schedule() == Schedule.COSINE) {
                // the cosine rate is a function of the total: a new total bends the rest of the curve
                err.println("note: the cosine schedule was planned for " + at.totalSteps() + " steps; from step "
                        + (at.step() + 1) + " on it follows the new total " + total);
            }
            RunSettings extended = new RunSettings(run.model(), run.training().withSteps(total), run.task(),
                    run.valSamples());
            return train(extended, point, dev, folder, err);
        } catch (RunFolderException e) {
            return refused(e, err);
        }
    }

    private static Path point(RunFolder folder) {
        return folder.dir().resolve(CheckpointStore.LAST).resolve(CheckpointStore.RECORD_FILE);
    }

    /** A refused run folder: exit 2 (the user's choice of folder), 1 when the file system failed. */
    private static int refused(RunFolderException e, PrintWriter err) {
        err.println("error: " + e.getMessage());
        return e.reason() == RunFolderException.Reason.IO ? 1 : 2;
    }

    private int train(RunSettings run, ResumePoint from, Device dev, RunFolder folder, PrintWriter err)
            throws java.io.IOException {
        try {
            return trainIn(run, from, dev, folder, err);
        } catch (IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private int trainIn(RunSettings run, ResumePoint from, Device dev, RunFolder folder, PrintWriter err)
            throws java.io.IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        TrainingConfig config = run.training();
        scale.applyThreads();
        SequenceSource source = tasks.create(run.task());
        // the held-out split has its own seed; the trainer redraws any training sequence that falls in it
        List<RecallSequence> heldOut = config.validateEvery() > 0
                ? source.sample(run.valSamples(), SequenceSource.heldOutRandom(Split.VALIDATION, config.seed()))
                : List.of();
        Path dir = folder.dir();
        Path metrics = dir.resolve(RunFolder.METRICS_FILE);
        Splits splits = null;
        if (scale.testing()) {
            // a tested run uses the table's splits: validation and test from --data-seed, training avoids both
            splits = scale.splits(source, run.valSamples());
            heldOut = splits.validation();
            source = splits.trainingSource(source);
            if (from == null) {
                scale.saveSplits(dir, run.valSamples());
            }
        }
        try (NDManager manager = NDManager.newBaseManager(dev);
             SequenceModel model = models.create(run.model(), manager, dev);
             MetricsCsv csv = from == null ? new MetricsCsv(metrics) : MetricsCsv.continueAt(metrics, from.state().step())) {
            Trainer trainer = new Trainer(model, config, source, heldOut)
                    .reportEvery(reportEvery)
                    .checkpointEvery(checkpointInterval(config))
                    .addListener(csv)
                    .addListener(new CheckpointWriter(dir, model, new CheckpointStore(), run.taskJson(tasks), config))
                    .addListener(new ProgressLine(new java.io.PrintStream(new WriterStream(err), true), config.steps(),
                            System.console() != null));
            if (from != null) {
                trainer.resumeFrom(from);
            }
            String grid = "n_c " + new IntRange(run.task().minContexts(), run.task().maxContexts()) + ", n_k "
                    + new IntRange(run.task().minKeys(), run.task().maxKeys());
            err.println((from == null ? "training " : "resuming at step " + from.state().step() + ": ")
                    + run.model().label() + " (" + model.params().count() + " weights, " + run.model().init().cliName()
                    + " init, " + run.model().sparse().variant().name().toLowerCase(Locale.ROOT) + " variant) on "
                    + dev + ", " + grid + ", " + config.steps() + " steps -> " + dir);
            // Ctrl-C: ask the trainer to stop between steps and wait (bounded) until last/ is saved
            java.util.concurrent.CountDownLatch saved = new java.util.concurrent.CountDownLatch(1);
            Thread stopper = new Thread(() -> {
                trainer.control().stop();
                try {
                    saved.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "haxlab-train-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            RunSummary s;
            try {
                s = trainer.run();
                if (splits != null && (s.state() == RunState.FINISHED || s.state() == RunState.DIVERGED)) {
                    // a diverged run is a result of its configuration (the table counts it as not finished); a
                    // failed or stopped one is not, and stays without result.json so that a table continues it
                    RunResult r = BestCheckpointTest.run(scale.tableEntry(run.model().sparse().pattern()),
                            config.seed(), s, model, dir, splits.test(), config.batchSize());
                    err.println("test accuracy " + String.format(Locale.ROOT, "%.4f", r.testAccuracy())
                            + " at the best validation checkpoint (step " + r.bestStep() + ") -> " + dir.resolve(RunResult.FILE));
                }
                if (exportNpz) {
                    NpzExporter.export(model.params(), dir.resolve("weights.npz"));
                }
            } finally {
                saved.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(stopper);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is exiting (Ctrl-C): the hook asked the trainer to stop and waits for us
                }
            }
            stdout.printf(Locale.ROOT, "state=%s steps=%d loss=%.4f best_val_accuracy=%s out=%s%n",
                    s.state().name().toLowerCase(Locale.ROOT), s.steps(), s.lastLoss(),
                    Double.isNaN(s.bestValAccuracy()) ? "-" : String.format(Locale.ROOT, "%.4f", s.bestValAccuracy()), dir);
            stdout.flush();
            return s.state() == RunState.FINISHED || s.state() == RunState.STOPPED ? 0 : 1;
        }
    }

    /** Parses {@code --init}; the message names the option. */
    static InitScheme initScheme(String name) {
        try {
            return InitScheme.parse(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--init: " + e.getMessage(), e);
        }
    }

    /** {@code --checkpoint-every}, or by default every validation (a tenth of the run when never validating). */
    private int checkpointInterval(TrainingConfig config) {
        if (checkpointEvery >= 0) {
            return checkpointEvery;
        }
        return config.validateEvery() > 0 ? config.validateEvery() : Math.max(1, config.steps() / 10);
    }

    /** Parses an LSH variant name; the error lists the accepted names. */
    static SparseConfig.Variant variant(String name) {
        try {
            return SparseConfig.Variant.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--variant '" + name + "' (expected causal or paper)", e);
        }
    }

    /** Parses a device name; refuses a GPU that the engine cannot see. */
    static Device device(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("auto")) {
            return Engine.getInstance().defaultDevice();
        }
        if (n.equals("cpu")) {
            return Device.cpu();
        }
        if (n.startsWith("gpu") || n.startsWith("cuda")) {
            int gpus = Engine.getInstance().getGpuCount();
            Device d = n.contains(":") ? Device.gpu(Integer.parseInt(n.substring(n.indexOf(':') + 1))) : Device.gpu();
            if (d.getDeviceId() >= gpus) {
                throw new IllegalArgumentException("--device " + name + ": the engine sees " + gpus
                        + " GPU(s) (CPU natives, or no CUDA driver?)");
            }
            return d;
        }
        throw new IllegalArgumentException("--device '" + name + "' (expected cpu, gpu, gpu:N or auto)");
    }

    /** Adapts picocli's error writer to the PrintStream the progress line takes. */
    private static final class WriterStream extends java.io.OutputStream {
        private final PrintWriter writer;

        WriterStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            writer.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writer.write(new String(b, off, len, java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
            writer.flush();
        }
    }
}
