package org.haxlab.app.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import org.haxlab.model.engine.DeviceChoice;
import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.train.Checkpoint;
import org.haxlab.model.train.CheckpointException;
import org.haxlab.model.train.CheckpointStore;
import org.haxlab.model.train.EvalResult;
import org.haxlab.model.train.HashDrawEval;
import org.haxlab.model.train.ModelFactory;
import org.haxlab.model.train.TaskFactory;
import org.haxlab.model.train.TaskSpec;
import org.haxlab.model.train.Wiring;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code haxlab eval}: loads a checkpoint (a checkpoint directory, or a run directory: its best/, else
 * last/) and prints {@code accuracy=<fraction>} on fresh joint-recall sequences, then one line per
 * (n_c, n_k). An unusable checkpoint exits with 1 and a one-line reason on stderr; bad options exit with 2.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate a checkpoint on fresh joint-recall sequences; prints accuracy=<fraction>.",
            "Exit code 0: evaluated; 1: unusable checkpoint or NaN outputs (broken weights); 2: usage error."})
public final class EvalCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--checkpoint", required = true, description = "Checkpoint directory, or a run directory (uses best/, else last/).")
    Path checkpoint;
    @Option(names = "--contexts", paramLabel = "N|MIN..MAX", converter = GridOptions.Slots.class,
            description = "n_c: N or A..B in 1..16 (default: the range the checkpoint was trained on).")
    IntRange contexts;
    @Option(names = "--keys", paramLabel = "N|MIN..MAX", converter = GridOptions.Slots.class,
            description = "n_k: N or A..B in 1..16 (default: the range the checkpoint was trained on).")
    IntRange keys;
    @Option(names = "--samples", defaultValue = "200",
            description = "Sequences to evaluate, 1 up to what this machine's memory holds (default: ${DEFAULT-VALUE}).")
    int samples;
    @Option(names = "--seed", defaultValue = "20250700", description = "Seed of the evaluation sequences (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--batch", defaultValue = "32", description = "Sequences per forward pass (default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--device", defaultValue = "auto", paramLabel = "cpu|gpu|gpu:N|auto", converter = Converters.Device.class,
            description = "Where to evaluate: cpu, gpu, gpu:N or auto (default: ${DEFAULT-VALUE}).")
    DeviceChoice device;
    @Option(names = "--hash-draws", defaultValue = "1", paramLabel = "N",
            description = "Evaluate under N LSH projection draws and print their mean and spread; a paper-variant "
                    + "model draws afresh for every batch as the released code does, a causal one evaluates N fixed "
                    + "projections, 1..1000 (default: ${DEFAULT-VALUE}).")
    int hashDraws;

    private final ModelFactory models;
    private final TaskFactory tasks;

    /** The command with the real model and task ({@link Wiring}). */
    public EvalCommand() {
        this(Wiring.models(), Wiring.tasks());
    }

    /** The command with given factories (tests use small fixtures). */
    public EvalCommand(ModelFactory models, TaskFactory tasks) {
        this.models = models;
        this.tasks = tasks;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        CheckpointStore store = new CheckpointStore();
        Checkpoint cp;
        try {
            cp = store.read(checkpoint);
        } catch (CheckpointException e) {
            err.println("error: unusable checkpoint: " + e.getMessage());
            return 1;
        }
        TaskSpec task;
        try {
            task = taskSpec(cp.record().task());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Limits.check(spec.commandLine(), "--samples", samples, 1, Limits.maxSequences(task.maxLength()),
                "held in memory at length " + task.maxLength());
        Limits.check(spec.commandLine(), "--batch", batch, 1, Limits.maxBatch(task.maxLength()),
                "what this machine's memory holds at length " + task.maxLength());
        Limits.check(spec.commandLine(), "--hash-draws", hashDraws, 1, 1000, null);
        Device dev = Converters.resolve(spec.commandLine(), device);
        try (NDManager manager = NDManager.newBaseManager(dev);
             SequenceModel model = models.create(cp.record().model(), manager, dev)) {
            store.loadInto(cp.dir(), model);
            List<RecallSequence> seqs = tasks.create(task).sample(samples, new Random(seed));
            HashDrawEval r = HashDrawEval.run(model, seqs, batch, padTo(cp.record().training(), task), hashDraws,
                    seed);
            if (!Double.isFinite(r.meanLoss()) || !Double.isFinite(r.mean())) {
                // a NaN logit compares false everywhere, which would read as accuracy 0: say what happened
                err.println("error: the model's outputs are not finite (loss " + r.meanLoss() + ") on " + seqs.size()
                        + " sequences: its weights are broken (a diverged run?); accuracy is undefined");
                err.flush();
                return 1;
            }
            out.printf(Locale.ROOT, "accuracy=%.6f%n", r.mean());
            out.printf(Locale.ROOT, "loss=%.6f samples=%d model=\"%s\" step=%d checkpoint=%s%n", r.meanLoss(),
                    seqs.size(), model.config().label(), cp.record().step(), cp.dir());
            if (hashDraws > 1) {
                out.printf(Locale.ROOT, "hash_draws=%d accuracy_mean=%.6f accuracy_std=%.6f accuracy_min=%.6f "
                        + "accuracy_max=%.6f%s%n", r.draws().size(), r.mean(), r.std(), r.min(), r.max(),
                        r.draws().size() < hashDraws ? " (no LSH: every draw gives the same result)" : "");
            }
            for (EvalResult.Cell c : r.cells()) {
                out.printf(Locale.ROOT, "n_c=%d n_k=%d samples=%d accuracy=%.6f%n", c.contexts(), c.keys(), c.samples(),
                        c.accuracy());
            }
            out.flush();
            return 0;
        } catch (CheckpointException e) {
            err.println("error: unusable checkpoint: " + e.getMessage());
            return 1;
        } catch (IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /**
     * The released collation's fixed length for a paper-variant checkpoint: the length it was trained with
     * (its record's {@code padTo}), at least this grid's longest sequence; 0 (pad to each batch's longest) for
     * the causal variant and for records without one.
     */
    private static int padTo(JsonObject training, TaskSpec task) {
        int trained = training.has("padTo") ? training.get("padTo").getAsInt() : 0;
        return trained > 0 ? Math.max(trained, task.maxLength()) : 0;
    }

    /** The options' grid, falling back to the grid recorded in the checkpoint's task object. */
    private TaskSpec taskSpec(JsonObject recorded) {
        IntRange c = contexts != null ? contexts : recordedRange(recorded, "minContexts", "maxContexts");
        IntRange k = keys != null ? keys : recordedRange(recorded, "minKeys", "maxKeys");
        if (c == null || k == null) {
            throw new IllegalArgumentException("give --contexts and --keys (the checkpoint does not record its task grid)");
        }
        return new TaskSpec(c.min(), c.max(), k.min(), k.max());
    }

    /** A grid range from the run record's task object, or null when it is absent or outside 1..16. */
    private static IntRange recordedRange(JsonObject recorded, String min, String max) {
        if (!recorded.has(min) || !recorded.has(max)) {
            return null;
        }
        try {
            IntRange r = new IntRange(recorded.get(min).getAsInt(), recorded.get(max).getAsInt());
            return new GridOptions.Slots().convert(r.toString());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the checkpoint's task grid " + min + ".." + max
                    + " is unusable; give --contexts and --keys", e);
        }
    }
}
