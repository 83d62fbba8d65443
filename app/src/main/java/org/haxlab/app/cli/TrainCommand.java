package org.haxlab.app.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.haxlab.model.engine.DeviceChoice;
import org.haxlab.model.nd.InitScheme;
import org.haxlab.app.table.BestCheckpointTest;
import org.haxlab.app.table.RunResult;
import org.haxlab.app.table.Splits;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.task.RecallSequence;
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
import org.haxlab.model.train.TrainingRuns;
import org.haxlab.model.train.Wiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
 * 0 finished or already complete; 130 stopped by Ctrl-C (it stops between steps and saves last/ first; 130 is
 * the shell's code for an interrupted command); 1 diverged or failed (also an unusable checkpoint to
 * resume); 2 bad options or a refused run folder.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model on joint recall; writes metrics.csv, best/ and last/ checkpoints into --out.",
            "A new run needs a new or empty --out; --overwrite clears a previous run there first (only a folder that"
                + " holds a run: metrics.csv, best/ or last/), --resume continues it from last/ exactly as if it had"
                + " never stopped (on the CPU the same losses bit for bit; a copied run folder resumes on another"
                + " machine or device).",
            "With --resume the model, task and training settings come from the run; giving one that differs is"
                + " refused. --steps sets the new total (default: the run's); a cosine schedule follows the new"
                + " total from the resumed step on. One run at a time per folder (a lock in OUT/.lock).",
            "Exit code 0: finished; 1: diverged or failed; 2: usage error; 130: stopped with Ctrl-C (last/ saved first)."})
public final class TrainCommand implements Callable<Integer> {

    /** Exit code of a run stopped by Ctrl-C (128 + SIGINT), after last/ is saved. */
    static final int INTERRUPTED = 130;
    /** Most optimiser steps one run takes. */
    static final int MAX_STEPS = 1_000_000_000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelOptions modelOptions = new ModelOptions();
    @Mixin
    GridOptions grid = new GridOptions();

    @Option(names = "--steps", defaultValue = "1000",
            description = "Optimiser steps, 1..1000000000; with --resume the new total (default: ${DEFAULT-VALUE}; resumed: the run's).")
    int steps;
    @Option(names = "--batch", defaultValue = "16",
            description = "Sequences per step, 1 up to what this machine's memory holds (paper: 64; default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--lr", defaultValue = "1e-3", description = "Peak learning rate, > 0 and <= 10 (default: ${DEFAULT-VALUE}).")
    double lr;
    @Option(names = "--seed", defaultValue = "0", description = "Seed of the weights, the data and the LSH draws (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--out", required = true, description = "Run folder (new or empty unless --resume or --overwrite).")
    Path out;
    @Option(names = "--resume", description = "Continue the run in --out from its last/ checkpoint.")
    boolean resume;
    @Option(names = "--overwrite", description = "Delete the run in --out first (refused for a folder that holds no run).")
    boolean overwrite;
    @Option(names = "--checkpoint-every", defaultValue = "-1",
            description = "Save last/ every N steps, 0 = only at the end (default: at every validation, else a tenth of the run).")
    int checkpointEvery;
    @Option(names = "--warmup", description = "Linear warm-up steps, >= 0 (default: a tenth of the run, at most 5000).")
    Integer warmup;
    @Option(names = "--val-every", description = "Validate every N steps, 0 = never (default: a tenth of the run, at most 500).")
    Integer valEvery;
    @Option(names = "--val-samples", defaultValue = "64", description = "Held-out sequences (default: ${DEFAULT-VALUE}).")
    int valSamples;
    @Option(names = "--device", defaultValue = "auto", paramLabel = "cpu|gpu|gpu:N|auto", converter = Converters.Device.class,
            description = "Where to train: cpu, gpu, gpu:N or auto (default: ${DEFAULT-VALUE}).")
    DeviceChoice device;
    @Option(names = "--init", defaultValue = "released",
            description = "Weight initialisation: released (the released configs' initializer_range 0.1) or torch "
                    + "(PyTorch's layer defaults, HAX Lab's first scheme) (default: ${DEFAULT-VALUE}).")
    String init;
    @Option(names = "--schedule", defaultValue = "constant", paramLabel = "constant|cosine", converter = Converters.ScheduleName.class,
            description = "After warm-up: constant (paper) or cosine (default: ${DEFAULT-VALUE}).")
    Schedule schedule;
    @Option(names = "--clip", defaultValue = "1.0", description = "Global gradient-norm clip, >= 0, 0 = off (default: ${DEFAULT-VALUE}).")
    double clip;
    @Option(names = "--weight-decay", defaultValue = "0.01", description = "AdamW weight decay, 0..1 (default: ${DEFAULT-VALUE}).")
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
        CommandLine cl = spec.commandLine();
        TaskSpec task = grid.task();
        Limits.check(cl, "--steps", steps, 1, MAX_STEPS, null);
        Limits.check(cl, "--batch", batch, 1, Limits.maxBatch(task.maxLength()), "what this machine's memory holds at length "
                + task.maxLength());
        Limits.check(cl, "--lr", lr, 0, true, 10);
        Limits.check(cl, "--clip", clip, 0, false, Double.MAX_VALUE);
        Limits.check(cl, "--weight-decay", weightDecay, 0, false, 1);
        TrainingConfig d = TrainingConfig.defaults(steps, batch, lr, seed);
        int warm = warmup == null ? d.warmupSteps() : Limits.check(cl, "--warmup", warmup, 0, MAX_STEPS, null);
        int every = valEvery == null ? d.validateEvery() : Limits.check(cl, "--val-every", valEvery, 0, MAX_STEPS, "0 = never");
        if (every > 0) {
            Limits.check(cl, "--val-samples", valSamples, 1, Limits.maxSequences(task.maxLength()),
                    "held in memory at length " + task.maxLength());
        }
        Limits.check(cl, "--report-every", reportEvery, 1, MAX_STEPS, null);
        RunSettings run;
        try {
            SparseConfig sparse = modelOptions.sparse(cl);
            // spec §5: the paper variant pads every batch to the task's fixed length as the released code does
            int padTo = sparse.variant() == SparseConfig.Variant.PAPER ? task.maxLength() : 0;
            TrainingConfig config = new TrainingConfig(steps, batch, lr, warm, schedule, weightDecay, clip,
                    d.gateLossWeight(), every, padTo, seed);
            run = new RunSettings(scale.modelConfig(modelOptions.backbone, sparse, seed).withInit(initScheme(init)),
                    config, task, valSamples);
            scale.check(sparse.pattern(), valSamples, config.validateEvery());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        OutputPaths.directory(cl, "--out", out);
        Device dev = Converters.resolve(cl, device);
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
                dev = Converters.resolve(spec.commandLine(), device);
            } catch (CheckpointException e) {
                err.println("error: cannot resume: " + e.getMessage());
                return 1;
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
        TrainingRuns.Data data = TrainingRuns.data(tasks, run.task(), config, run.valSamples());
        SequenceSource source = data.source();
        List<RecallSequence> heldOut = data.heldOut();
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
            Trainer trainer = new TrainingRuns.Data(source, heldOut).trainer(model, config)
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
            return exitCode(s.state());
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

    /**
     * The exit code of a run that ended in {@code state}: 0 finished; {@link #INTERRUPTED} stopped (the only way
     * to stop a command-line run is Ctrl-C, and the shell's convention for it is 128 + SIGINT, so that
     * {@code train ... && eval ...} does not go on as if the run had completed; last/ is saved either way);
     * 1 diverged or failed.
     */
    static int exitCode(RunState state) {
        return switch (state) {
            case FINISHED -> 0;
            case STOPPED -> INTERRUPTED;
            default -> 1;
        };
    }
}
