package org.haxlab.app.cli;

import com.google.gson.JsonObject;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.train.RunRecord;
import org.haxlab.model.train.TaskFactory;
import org.haxlab.model.train.TaskSpec;
import org.haxlab.model.train.TrainingConfig;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What makes a {@code train} run the run it is: model, training settings, task grid and held-out split size.
 * A new run takes them from the options; {@code train --resume} takes them from the run's checkpoint record
 * and refuses options that say otherwise.
 *
 * @param model      the model's configuration (seed included)
 * @param training   the training settings (its steps are the run's total)
 * @param task       the n_c x n_k grid
 * @param valSamples size of the held-out split
 */
record RunSettings(ModelConfig model, TrainingConfig training, TaskSpec task, int valSamples) {

    /** The run record's task field holding the held-out split size. */
    static final String VALIDATION_SAMPLES = "validationSamples";

    /**
     * The settings recorded in a checkpoint's run record.
     *
     * @throws IllegalArgumentException naming the record field that is missing or bad
     */
    static RunSettings of(RunRecord record) {
        JsonObject task = record.task();
        if (!task.has(VALIDATION_SAMPLES)) {
            throw new IllegalArgumentException("task: missing field '" + VALIDATION_SAMPLES + "'");
        }
        return new RunSettings(record.model(), TrainingConfig.fromJson(record.training()), TaskSpec.fromJson(task),
                task.get(VALIDATION_SAMPLES).getAsInt());
    }

    /** The run record's task object: the factory's description plus the held-out split size. */
    JsonObject taskJson(TaskFactory tasks) {
        JsonObject o = tasks.describe(task).deepCopy();
        o.addProperty(VALIDATION_SAMPLES, valSamples);
        return o;
    }

    /**
     * Every option given on the command line of {@code c} whose value is not this run's, as
     * {@code "--backbone mamba1 (the run has mamba2)"}; options left out are not compared.
     *
     * @throws IllegalArgumentException when a given value cannot be parsed
     */
    List<String> differences(TrainCommand c, CommandLine.ParseResult given) {
        List<String> out = new ArrayList<>();
        SparseConfig s = model.sparse();
        Comparer cmp = (option, value, run) -> {
            if (given.hasMatchedOption(option)) {
                Object v = value.get();
                if (!same(v, run)) {
                    out.add(option + " " + show(v) + " (the run has " + show(run) + ")");
                }
            }
        };
        cmp.check("--backbone", () -> c.modelOptions.backbone, model.backbone());
        cmp.check("--pattern", () -> c.modelOptions.pattern, s.pattern());
        cmp.check("--k", () -> c.modelOptions.k, s.budget());
        cmp.check("--hash-bits", () -> c.modelOptions.hashBits, s.hashBits());
        cmp.check("--variant", () -> c.modelOptions.variant, s.variant());
        cmp.check("--seed", () -> c.seed, training.seed());
        cmp.check("--batch", () -> c.batch, training.batchSize());
        cmp.check("--lr", () -> c.lr, training.learningRate());
        cmp.check("--warmup", () -> c.warmup, training.warmupSteps());
        cmp.check("--val-every", () -> c.valEvery, training.validateEvery());
        cmp.check("--schedule", () -> c.schedule, training.schedule());
        cmp.check("--clip", () -> c.clip, training.clipNorm());
        cmp.check("--weight-decay", () -> c.weightDecay, training.weightDecay());
        cmp.check("--contexts", () -> c.grid.contexts, new IntRange(task.minContexts(), task.maxContexts()));
        cmp.check("--keys", () -> c.grid.keys, new IntRange(task.minKeys(), task.maxKeys()));
        cmp.check("--val-samples", () -> c.valSamples, valSamples);
        return out;
    }

    @FunctionalInterface
    private interface Comparer {
        void check(String option, Supplier<Object> given, Object run);
    }

    private static boolean same(Object a, Object b) {
        if ((a instanceof Long || a instanceof Integer) && (b instanceof Long || b instanceof Integer)) {
            return ((Number) a).longValue() == ((Number) b).longValue();
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        return Objects.equals(a, b);
    }

    private static String show(Object v) {
        // a pattern as the user types it (ssm, not the enum's none)
        return v instanceof Pattern p ? p.id()
                : v instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : String.valueOf(v);
    }
}
