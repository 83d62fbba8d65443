package org.haxlab.model.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.haxlab.model.json.JsonFieldException;
import org.haxlab.model.json.JsonFields;
import org.haxlab.model.nd.InitScheme;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.trace.Backbone;

/**
 * Explicit JSON form of {@link ModelConfig} and {@link SparseConfig} for run records and scenario files:
 * field names as the record components, enums by {@code name()}. Written by hand (not by reflection) so
 * that renaming a Java field can never silently change the file format.
 */
public final class ConfigJson {

    /*
     * Ranges of the fields read back: far above any model this app trains, low enough that no product of them
     * (weights = vocab x width, d_inner = width x expand, ...) overflows an int. A record edited out of them is
     * refused naming the field, not an ArithmeticException deep in the model.
     */
    /** Largest vocabulary read back. */
    public static final int MAX_VOCAB = 1 << 16;
    /** Largest width (d_model, d_state, dt rank, heads) read back. */
    public static final int MAX_WIDTH = 1 << 13;
    /** Most layers read back. */
    public static final int MAX_LAYERS = 64;
    /** Largest expansion factor read back. */
    public static final int MAX_EXPAND = 16;
    /** Largest convolution kernel read back. */
    public static final int MAX_KERNEL = 64;
    /** Most hash bits read back (the sparse config checks its own rule's range). */
    public static final int MAX_HASH_BITS = 4096;
    /** Largest budget and maxLen read back. */
    public static final int MAX_LENGTH = 1 << 20;

    private ConfigJson() {
    }

    /** JSON object of a model config. */
    public static JsonObject toJson(ModelConfig c) {
        JsonObject o = new JsonObject();
        o.addProperty("backbone", c.backbone().name());
        o.addProperty("vocabSize", c.vocabSize());
        o.addProperty("dModel", c.dModel());
        o.addProperty("layers", c.layers());
        o.addProperty("expand", c.expand());
        o.addProperty("dState", c.dState());
        o.addProperty("dtRank", c.dtRank());
        o.addProperty("heads", c.heads());
        o.addProperty("convKernel", c.convKernel());
        o.add("sparse", toJson(c.sparse()));
        o.addProperty("initSeed", c.initSeed());
        o.addProperty("init", c.init().name());
        return o;
    }

    /** JSON object of a sparse config. */
    public static JsonObject toJson(SparseConfig s) {
        JsonObject o = new JsonObject();
        o.addProperty("pattern", s.pattern().name());
        o.addProperty("budget", s.budget());
        o.addProperty("hashBits", s.hashBits());
        o.addProperty("lshRule", s.lshRule().name());
        o.addProperty("maxLen", s.maxLen());
        o.addProperty("variant", s.variant().name());
        o.addProperty("path", s.path().name());
        return o;
    }

    /**
     * Reads a model config, as written by {@link #toJson(ModelConfig)}: the one reader for run records and
     * scenario files. A config without {@code init} was written before the scheme could be chosen and was
     * initialised with {@link InitScheme#TORCH}, so it reads as that (its weights load unchanged either way).
     *
     * @throws JsonFieldException naming the field (by its JSON path) that is missing, mistyped or refused
     */
    public static ModelConfig modelConfig(JsonFields f) {
        Backbone backbone = f.enumValue("backbone", Backbone.class);
        int vocab = f.integer("vocabSize", 2, MAX_VOCAB);
        int dModel = f.integer("dModel", 1, MAX_WIDTH);
        int layers = f.integer("layers", 1, MAX_LAYERS);
        int expand = f.integer("expand", 1, MAX_EXPAND);
        int dState = f.integer("dState", 1, MAX_WIDTH);
        int dtRank = f.integer("dtRank", 0, MAX_WIDTH);
        int heads = f.integer("heads", 0, MAX_WIDTH);
        int conv = f.integer("convKernel", 1, MAX_KERNEL);
        SparseConfig sparse = sparseConfig(f.object("sparse"));
        long seed = f.longValue("initSeed");
        InitScheme init = f.has("init") ? f.enumValue("init", InitScheme.class) : InitScheme.TORCH;
        return f.build(() -> new ModelConfig(backbone, vocab, dModel, layers, expand, dState, dtRank, heads, conv,
                sparse, seed, init));
    }

    /**
     * Reads a sparse config, as written by {@link #toJson(SparseConfig)}.
     *
     * @throws JsonFieldException naming the field (by its JSON path) that is missing, mistyped or refused
     */
    public static SparseConfig sparseConfig(JsonFields f) {
        Pattern pattern = f.enumValue("pattern", Pattern.class);
        int budget = f.integer("budget", 0, MAX_LENGTH);
        int hashBits = f.integer("hashBits", 0, MAX_HASH_BITS);
        SparseConfig.LshRule rule = f.enumValue("lshRule", SparseConfig.LshRule.class);
        int maxLen = f.integer("maxLen", 1, MAX_LENGTH);
        SparseConfig.Variant variant = f.enumValue("variant", SparseConfig.Variant.class);
        SparseConfig.AttentionPath path = f.enumValue("path", SparseConfig.AttentionPath.class);
        return f.build(() -> new SparseConfig(pattern, budget, hashBits, rule, maxLen, variant, path));
    }

    // Field helpers for the train package's other small JSON records (training settings, task, resume state).

    static JsonElement field(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("missing field '" + name + "'");
        }
        return e;
    }

    static JsonObject object(JsonObject o, String name) {
        JsonElement e = field(o, name);
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException("field '" + name + "' is not an object");
        }
        return e.getAsJsonObject();
    }

    static int integer(JsonObject o, String name) {
        return integer(o, name, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** A whole number in {@code min..max}: a fraction ({@code 64.5}) or a value out of range names the field. */
    static int integer(JsonObject o, String name, int min, int max) {
        long v = longValue(o, name);
        if (v < min || v > max) {
            throw new IllegalArgumentException("field '" + name + "' is " + v + ", outside " + min + ".." + max);
        }
        return (int) v;
    }

    static long longValue(JsonObject o, String name) {
        JsonElement e = field(o, name);
        try {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
                throw new NumberFormatException("not a number");
            }
            return e.getAsBigDecimal().longValueExact();
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException("field '" + name + "' is not a whole number: " + e, ex);
        }
    }

    static String string(JsonObject o, String name) {
        JsonElement e = field(o, name);
        if (!e.isJsonPrimitive()) {
            throw new IllegalArgumentException("field '" + name + "' is not a string");
        }
        return e.getAsString();
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, JsonObject o, String name) {
        String v = string(o, name);
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + name + "': unknown " + type.getSimpleName() + " '" + v + "'", e);
        }
    }
}
