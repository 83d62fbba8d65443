package org.haxlab.app.vm.training;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.haxlab.model.nd.InitScheme;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.train.RunRecord;
import org.haxlab.model.train.Schedule;
import org.haxlab.model.train.TaskSpec;
import org.haxlab.model.train.TrainingConfig;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The values of every {@link TrainingSetting}, immutable. Any combination can be held (the sheet edits one
 * field at a time); {@link #plan()} says whether it makes a run and, if not, what is wrong.
 */
public final class TrainingSettings {

    private final Map<TrainingSetting, Object> values;

    private TrainingSettings(Map<TrainingSetting, Object> values) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    /**
     * A small desktop run of the paper's Mamba-2 +HAX (spec §2-4 shapes, smaller task grid and run):
     * k = 64, h = 8, d_model 64, 2 layers, lr 1e-3, batch 16, 1000 steps, 100 warm-up, n_c and n_k in 2..4,
     * validation every 100 steps on 64 held-out sequences.
     */
    public static TrainingSettings defaults() {
        Map<TrainingSetting, Object> m = new EnumMap<>(TrainingSetting.class);
        m.put(TrainingSetting.BACKBONE, Backbone.MAMBA2);
        m.put(TrainingSetting.PATTERN, Pattern.HAX);
        m.put(TrainingSetting.BUDGET, 64);
        m.put(TrainingSetting.HASH_BITS, 8);
        m.put(TrainingSetting.VARIANT, SparseConfig.Variant.CAUSAL);
        m.put(TrainingSetting.INIT, InitScheme.RELEASED);
        m.put(TrainingSetting.D_MODEL, 64);
        m.put(TrainingSetting.LAYERS, 2);
        m.put(TrainingSetting.LEARNING_RATE, 1e-3);
        m.put(TrainingSetting.BATCH, 16);
        m.put(TrainingSetting.STEPS, 1000);
        m.put(TrainingSetting.WARMUP, 100);
        m.put(TrainingSetting.SEED, 0L);
        m.put(TrainingSetting.MIN_CONTEXTS, 2);
        m.put(TrainingSetting.MAX_CONTEXTS, 4);
        m.put(TrainingSetting.MIN_KEYS, 2);
        m.put(TrainingSetting.MAX_KEYS, 4);
        m.put(TrainingSetting.VALIDATE_EVERY, 100);
        m.put(TrainingSetting.VAL_SAMPLES, 64);
        return new TrainingSettings(m);
    }

    /** The value of {@code s} (of type {@link TrainingSetting#type()}). */
    public Object get(TrainingSetting s) {
        return values.get(s);
    }

    /**
     * These settings with {@code s} set to {@code value} (converted by {@link TrainingSetting#coerce}).
     *
     * @throws IllegalArgumentException naming the setting when the value has the wrong type
     */
    public TrainingSettings with(TrainingSetting s, Object value) {
        Map<TrainingSetting, Object> m = new EnumMap<>(values);
        m.put(s, s.coerce(value));
        return new TrainingSettings(m);
    }

    /** An int setting. */
    public int integer(TrainingSetting s) {
        return (Integer) values.get(s);
    }

    /** The run's seed. */
    public long seed() {
        return (Long) values.get(TrainingSetting.SEED);
    }

    /**
     * The run these settings describe.
     *
     * @throws IllegalArgumentException saying which setting is wrong and why
     */
    public TrainingPlan plan() {
        int dModel = positive(TrainingSetting.D_MODEL);
        int layers = positive(TrainingSetting.LAYERS);
        int steps = positive(TrainingSetting.STEPS);
        int batch = positive(TrainingSetting.BATCH);
        int warmup = integer(TrainingSetting.WARMUP);
        if (warmup < 0 || warmup > steps) {
            throw new IllegalArgumentException("warm-up: " + warmup + " must be in 0.." + steps + " (the run's steps)");
        }
        int every = integer(TrainingSetting.VALIDATE_EVERY);
        if (every < 0) {
            throw new IllegalArgumentException("validate every: " + every + " must be >= 0 (0 = never)");
        }
        double lr = (Double) values.get(TrainingSetting.LEARNING_RATE);
        if (!(lr > 0) || lr > 1 || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("learning rate: " + lr + " must be in (0, 1]");
        }
        Backbone backbone = (Backbone) values.get(TrainingSetting.BACKBONE);
        if (backbone == Backbone.MAMBA2 && (2 * dModel) % 8 != 0) {
            throw new IllegalArgumentException("d_model: " + dModel + " must be a multiple of 4 for Mamba-2 "
                    + "(its 8 heads split d_inner = 2 x d_model)");
        }
        TaskSpec task;
        try {
            task = new TaskSpec(integer(TrainingSetting.MIN_CONTEXTS), integer(TrainingSetting.MAX_CONTEXTS),
                    integer(TrainingSetting.MIN_KEYS), integer(TrainingSetting.MAX_KEYS));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("task: need 1 <= n_c min <= n_c max and 1 <= n_k min <= n_k max (got n_c "
                    + integer(TrainingSetting.MIN_CONTEXTS) + ".." + integer(TrainingSetting.MAX_CONTEXTS) + ", n_k "
                    + integer(TrainingSetting.MIN_KEYS) + ".." + integer(TrainingSetting.MAX_KEYS) + ")", e);
        }
        long seed = seed();
        SparseConfig sparse;
        try {
            sparse = SparseConfig.paper((Pattern) values.get(TrainingSetting.PATTERN))
                    .withBudget(integer(TrainingSetting.BUDGET)).withHashBits(integer(TrainingSetting.HASH_BITS))
                    .withVariant((SparseConfig.Variant) values.get(TrainingSetting.VARIANT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^sparse config: ", ""), e);
        }
        ModelConfig paper = ModelConfig.paper(backbone, sparse, seed);
        // the paper's shape with the chosen width and depth; Mamba-1's dt rank follows d_model / 8 (8 at 64)
        ModelConfig model = new ModelConfig(backbone, paper.vocabSize(), dModel, layers, paper.expand(), paper.dState(),
                Math.max(1, dModel / 8), paper.heads(), paper.convKernel(), sparse, seed,
                (InitScheme) values.get(TrainingSetting.INIT));
        TrainingConfig d = TrainingConfig.defaults(steps, batch, lr, seed);
        // spec §5: the paper variant pads every batch to the task's fixed length as the released code does
        int padTo = sparse.variant() == SparseConfig.Variant.PAPER ? task.maxLength() : 0;
        TrainingConfig training = new TrainingConfig(steps, batch, lr, warmup, Schedule.CONSTANT, d.weightDecay(),
                d.clipNorm(), d.gateLossWeight(), every, padTo, seed);
        return new TrainingPlan(model, training, task, every > 0 ? integer(TrainingSetting.VAL_SAMPLES) : 0);
    }

    /**
     * These settings updated from a checkpoint's record: the model's knobs from its config, and the training
     * and task fields its JSON objects hold (others stay as they are).
     */
    public TrainingSettings from(RunRecord record) {
        ModelConfig c = record.model();
        TrainingSettings s = with(TrainingSetting.BACKBONE, c.backbone())
                .with(TrainingSetting.PATTERN, c.sparse().pattern())
                .with(TrainingSetting.BUDGET, c.sparse().budget())
                .with(TrainingSetting.HASH_BITS, c.sparse().hashBits())
                .with(TrainingSetting.VARIANT, c.sparse().variant())
                .with(TrainingSetting.INIT, c.init())
                .with(TrainingSetting.D_MODEL, c.dModel())
                .with(TrainingSetting.LAYERS, c.layers())
                .with(TrainingSetting.SEED, c.initSeed());
        JsonObject t = record.training();
        s = s.withJson(t, "steps", TrainingSetting.STEPS).withJson(t, "batchSize", TrainingSetting.BATCH)
                .withJson(t, "learningRate", TrainingSetting.LEARNING_RATE)
                .withJson(t, "warmupSteps", TrainingSetting.WARMUP)
                .withJson(t, "validateEvery", TrainingSetting.VALIDATE_EVERY);
        JsonObject k = record.task();
        return s.withJson(k, "minContexts", TrainingSetting.MIN_CONTEXTS)
                .withJson(k, "maxContexts", TrainingSetting.MAX_CONTEXTS)
                .withJson(k, "minKeys", TrainingSetting.MIN_KEYS).withJson(k, "maxKeys", TrainingSetting.MAX_KEYS);
    }

    private TrainingSettings withJson(JsonObject o, String field, TrainingSetting s) {
        JsonElement e = o.get(field);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            return this;
        }
        return with(s, e.getAsDouble());
    }

    private int positive(TrainingSetting s) {
        int v = integer(s);
        if (v < 1) {
            throw new IllegalArgumentException(s.label() + ": " + v + " must be >= 1");
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingSettings t && t.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "TrainingSettings" + values;
    }
}
