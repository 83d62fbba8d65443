package org.haxlab.app.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
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
        description = "Evaluate a checkpoint on fresh joint-recall sequences; prints accuracy=<fraction>.")
public final class EvalCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--checkpoint", required = true, description = "Checkpoint directory, or a run directory (uses best/, else last/).")
    Path checkpoint;
    @Option(names = "--contexts", description = "n_c: N or A..B (default: the range the checkpoint was trained on).")
    String contexts;
    @Option(names = "--keys", description = "n_k: N or A..B (default: the range the checkpoint was trained on).")
    String keys;
    @Option(names = "--samples", defaultValue = "200", description = "Sequences to evaluate (default: ${DEFAULT-VALUE}).")
    int samples;
    @Option(names = "--seed", defaultValue = "20250700", description = "Seed of the evaluation sequences (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--batch", defaultValue = "32", description = "Sequences per forward pass (default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--device", defaultValue = "auto", description = "cpu, gpu, gpu:N or auto (default: ${DEFAULT-VALUE}).")
    String device;
    @Option(names = "--hash-draws", defaultValue = "1", paramLabel = "N",
            description = "Evaluate under N LSH projection draws and print their mean and spread; a paper-variant "
                    + "model draws afresh for every batch as the released code does, a causal one evaluates N fixed "
                    + "projections (default: ${DEFAULT-VALUE}).")
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
        Device dev;
        try {
            task = taskSpec(cp.record().task());
            dev = TrainCommand.device(device);
            if (samples < 1 || batch < 1) {
                throw new IllegalArgumentException("--samples and --batch must be >= 1");
            }
            if (hashDraws < 1) {
                throw new IllegalArgumentException("--hash-draws " + hashDraws + " must be >= 1");
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        try (NDManager manager = NDManager.newBaseManager(dev);
             SequenceModel model = models.create(cp.record().model(), manager, dev)) {
            store.loadInto(cp.dir(), model);
            List<RecallSequence> seqs = tasks.create(task).sample(samples, new Random(seed));
            HashDrawEval r = HashDrawEval.run(model, seqs, batch, padTo(cp.record().training(), task), hashDraws,
                    seed);
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
        String c = contexts;
        String k = keys;
        if (c == null) {
            c = recorded.has("minContexts") ? recorded.get("minContexts").getAsInt() + ".." + recorded.get("maxContexts").getAsInt() : null;
        }
        if (k == null) {
            k = recorded.has("minKeys") ? recorded.get("minKeys").getAsInt() + ".." + recorded.get("maxKeys").getAsInt() : null;
        }
        if (c == null || k == null) {
            throw new IllegalArgumentException("give --contexts and --keys (the checkpoint does not record its task grid)");
        }
        return TaskSpec.of(c, k);
    }
}
