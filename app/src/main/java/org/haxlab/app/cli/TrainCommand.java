package org.haxlab.app.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.haxlab.model.engine.DeviceChoice;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.train.CheckpointStore;
import org.haxlab.model.train.CheckpointWriter;
import org.haxlab.model.train.MetricsCsv;
import org.haxlab.model.train.ModelFactory;
import org.haxlab.model.train.NpzExporter;
import org.haxlab.model.train.ProgressLine;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code haxlab train}: trains one model on joint recall and writes {@code OUT/metrics.csv},
 * {@code OUT/best/} and {@code OUT/last/} (and {@code OUT/weights.npz} with {@code --export-npz}).
 * Progress goes to stderr (a redrawn bar on a terminal, plain lines otherwise); the final summary line
 * goes to stdout. Exit codes: 0 finished; 130 stopped by Ctrl-C (it stops between steps and saves last/
 * first; 130 is the shell's code for an interrupted command); 1 diverged or failed; 2 bad options.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model on joint recall; writes metrics.csv, best/ and last/ checkpoints into --out.",
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

    @Option(names = "--steps", defaultValue = "1000", description = "Optimiser steps, 1..1000000000 (default: ${DEFAULT-VALUE}).")
    int steps;
    @Option(names = "--batch", defaultValue = "16",
            description = "Sequences per step, 1 up to what this machine's memory holds (paper: 64; default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--lr", defaultValue = "1e-3", description = "Peak learning rate, > 0 and <= 10 (default: ${DEFAULT-VALUE}).")
    double lr;
    @Option(names = "--seed", defaultValue = "0", description = "Seed of the weights, the data and the LSH draws (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--out", required = true, description = "Run directory to write.")
    Path out;
    @Option(names = "--warmup", description = "Linear warm-up steps, >= 0 (default: a tenth of the run, at most 5000).")
    Integer warmup;
    @Option(names = "--val-every", description = "Validate every N steps, 0 = never (default: a tenth of the run, at most 500).")
    Integer valEvery;
    @Option(names = "--val-samples", defaultValue = "64", description = "Held-out sequences (default: ${DEFAULT-VALUE}).")
    int valSamples;
    @Option(names = "--device", defaultValue = "auto", paramLabel = "cpu|gpu|gpu:N|auto", converter = Converters.Device.class,
            description = "Where to train: cpu, gpu, gpu:N or auto (default: ${DEFAULT-VALUE}).")
    DeviceChoice device;
    @Option(names = "--schedule", defaultValue = "constant", paramLabel = "constant|cosine", converter = Converters.ScheduleName.class,
            description = "After warm-up: constant (paper) or cosine (default: ${DEFAULT-VALUE}).")
    Schedule schedule;
    @Option(names = "--clip", defaultValue = "1.0", description = "Global gradient-norm clip, >= 0, 0 = off (default: ${DEFAULT-VALUE}).")
    double clip;
    @Option(names = "--weight-decay", defaultValue = "0.01", description = "AdamW weight decay, 0..1 (default: ${DEFAULT-VALUE}).")
    double weightDecay;
    @Option(names = "--export-npz", description = "Also write OUT/weights.npz (numpy) of the final weights.")
    boolean exportNpz;

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
        PrintWriter stdout = spec.commandLine().getOut();
        CommandLine cl = spec.commandLine();
        TaskSpec task = grid.task();
        Limits.check(cl, "--steps", steps, 1, MAX_STEPS, null);
        Limits.check(cl, "--batch", batch, 1, Limits.maxBatch(task.maxLength()), "what this machine's memory holds at length "
                + task.maxLength());
        Limits.check(cl, "--lr", lr, 0, true, 10);
        Limits.check(cl, "--clip", clip, 0, false, Double.MAX_VALUE);
        Limits.check(cl, "--weight-decay", weightDecay, 0, false, 1);
        TrainingConfig d = TrainingConfig.defaults(steps, batch, lr, seed);
        int warm = warmup == null ? d.warmupSteps() : Limits.check(cl, "--warmup", warmup, 0, steps, "at most --steps");
        int every = valEvery == null ? d.validateEvery() : Limits.check(cl, "--val-every", valEvery, 0, steps, "0 = never");
        if (every > 0) {
            Limits.check(cl, "--val-samples", valSamples, 1, Limits.maxSequences(task.maxLength()),
                    "held in memory at length " + task.maxLength());
        }
        ModelConfig modelConfig;
        TrainingConfig config;
        try {
            modelConfig = modelOptions.model(modelOptions.sparse(cl), seed);
            config = new TrainingConfig(steps, batch, lr, warm, schedule, weightDecay, clip, d.gateLossWeight(), every, 0, seed);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        OutputPaths.directory(cl, "--out", out);
        Device dev = Converters.resolve(cl, device);
        try {
            return train(modelConfig, config, task, dev, err, stdout);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private int train(ModelConfig modelConfig, TrainingConfig config, TaskSpec task, Device dev, PrintWriter err,
                      PrintWriter stdout) throws java.io.IOException {
        SequenceSource source = tasks.create(task);
        // the held-out split has its own seed; the trainer redraws any training sequence that falls in it
        List<RecallSequence> heldOut = config.validateEvery() > 0
                ? source.sample(valSamples, new Random(seed ^ 0x5DEECE66DL)) : List.of();
        try (NDManager manager = NDManager.newBaseManager(dev);
             SequenceModel model = models.create(modelConfig, manager, dev);
             MetricsCsv csv = new MetricsCsv(out.resolve("metrics.csv"))) {
            Trainer trainer = new Trainer(model, config, source, heldOut)
                    .addListener(csv)
                    .addListener(new CheckpointWriter(out, model, new CheckpointStore(), tasks.describe(task), config))
                    .addListener(new ProgressLine(new java.io.PrintStream(new WriterStream(err), true), steps,
                            System.console() != null));
            err.println("training " + modelConfig.label() + " (" + model.params().count() + " weights) on "
                    + dev + ", n_c " + grid.contexts + ", n_k " + grid.keys + ", " + steps + " steps -> " + out);
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
                if (exportNpz) {
                    NpzExporter.export(model.params(), out.resolve("weights.npz"));
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
                    Double.isNaN(s.bestValAccuracy()) ? "-" : String.format(Locale.ROOT, "%.4f", s.bestValAccuracy()), out);
            stdout.flush();
            return exitCode(s.state());
        }
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
