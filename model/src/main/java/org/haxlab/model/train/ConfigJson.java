package org.haxlab.model.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.trace.Backbone;

/**
 * Explicit JSON form of {@link ModelConfig} and {@link SparseConfig} for run records: field names as the
 * record components, enums by {@code name()}. Written by hand (not by reflection) so that renaming a Java
 * field can never silently change the file format.
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
     * Reads a model config.
     *
     * @throws IllegalArgumentException naming the missing or bad field
     */
    public static ModelConfig modelConfig(JsonObject o) {
        return new ModelConfig(enumOf(Backbone.class, o, "backbone"), integer(o, "vocabSize", 2, MAX_VOCAB),
                integer(o, "dModel", 1, MAX_WIDTH), integer(o, "layers", 1, MAX_LAYERS), integer(o, "expand", 1, MAX_EXPAND),
                integer(o, "dState", 1, MAX_WIDTH), integer(o, "dtRank", 0, MAX_WIDTH), integer(o, "heads", 0, MAX_WIDTH),
                integer(o, "convKernel", 1, MAX_KERNEL), sparseConfig(object(o, "sparse")), longValue(o, "initSeed"));
    }

    /** Reads a sparse config; errors name the field. */
    public static SparseConfig sparseConfig(JsonObject o) {
        return new SparseConfig(enumOf(Pattern.class, o, "pattern"), integer(o, "budget", 0, MAX_LENGTH),
                integer(o, "hashBits", 0, MAX_HASH_BITS), enumOf(SparseConfig.LshRule.class, o, "lshRule"),
                integer(o, "maxLen", 1, MAX_LENGTH), enumOf(SparseConfig.Variant.class, o, "variant"),
                enumOf(SparseConfig.AttentionPath.class, o, "path"));
    }

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
