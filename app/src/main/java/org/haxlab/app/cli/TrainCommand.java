package org.haxlab.app.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.sparse.Pattern;
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
 * goes to stdout. Exit codes: 0 finished or stopped (Ctrl-C stops between steps and saves last/),
 * 1 diverged or failed, 2 bad options.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model on joint recall; writes metrics.csv, best/ and last/ checkpoints into --out.")
public final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--backbone", defaultValue = "mamba2", description = "mamba1 or mamba2 (default: ${DEFAULT-VALUE}).")
    String backbone;
    @Option(names = "--pattern", defaultValue = "hax",
            description = "ssm, full, sw, a, d, swd, lsh, ks or hax (default: ${DEFAULT-VALUE}).")
    String pattern;
    @Option(names = "--steps", defaultValue = "1000", description = "Optimiser steps (default: ${DEFAULT-VALUE}).")
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
    @Option(names = "--out", required = true, description = "Run directory to write.")
    Path out;
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
    @Option(names = "--variant", defaultValue = "causal", description = "LSH variant: causal or paper (default: ${DEFAULT-VALUE}).")
    String variant;
    @Option(names = "--schedule", defaultValue = "constant", description = "After warm-up: constant (paper) or cosine (default: ${DEFAULT-VALUE}).")
    String schedule;
    @Option(names = "--clip", defaultValue = "1.0", description = "Global gradient-norm clip, 0 = off (default: ${DEFAULT-VALUE}).")
    double clip;
    @Option(names = "--weight-decay", defaultValue = "0.01", description = "AdamW weight decay (default: ${DEFAULT-VALUE}).")
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
        ModelConfig modelConfig;
        TrainingConfig config;
        TaskSpec task;
        Device dev;
        try {
            SparseConfig sparse = SparseConfig.paper(Pattern.parse(pattern)).withBudget(k).withHashBits(hashBits)
                    .withVariant(SparseConfig.Variant.valueOf(variant.trim().toUpperCase(Locale.ROOT)));
            modelConfig = ModelConfig.paper(Backbone.parse(backbone), sparse, seed);
            TrainingConfig d = TrainingConfig.defaults(steps, batch, lr, seed);
            config = new TrainingConfig(steps, batch, lr, warmup >= 0 ? warmup : d.warmupSteps(),
                    Schedule.parse(schedule), weightDecay, clip, d.gateLossWeight(),
                    valEvery >= 0 ? valEvery : d.validateEvery(), 0, seed);
            task = TaskSpec.of(contexts, keys);
            dev = device(device);
            if (config.validateEvery() > 0 && valSamples < 1) {
                throw new IllegalArgumentException("--val-samples must be >= 1 when validating");
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
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
                    + dev + ", n_c " + contexts + ", n_k " + keys + ", " + steps + " steps -> " + out);
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
            return s.state() == RunState.FINISHED || s.state() == RunState.STOPPED ? 0 : 1;
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
