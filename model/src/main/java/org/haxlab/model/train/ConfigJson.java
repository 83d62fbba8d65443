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
        return new ModelConfig(enumOf(Backbone.class, o, "backbone"), integer(o, "vocabSize"), integer(o, "dModel"),
                integer(o, "layers"), integer(o, "expand"), integer(o, "dState"), integer(o, "dtRank"),
                integer(o, "heads"), integer(o, "convKernel"), sparseConfig(object(o, "sparse")), longValue(o, "initSeed"));
    }

    /** Reads a sparse config; errors name the field. */
    public static SparseConfig sparseConfig(JsonObject o) {
        return new SparseConfig(enumOf(Pattern.class, o, "pattern"), integer(o, "budget"), integer(o, "hashBits"),
                enumOf(SparseConfig.LshRule.class, o, "lshRule"), integer(o, "maxLen"),
                enumOf(SparseConfig.Variant.class, o, "variant"), enumOf(SparseConfig.AttentionPath.class, o, "path"));
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
        try {
            return field(o, name).getAsInt();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("field '" + name + "' is not an integer: " + o.get(name), e);
        }
    }

    static long longValue(JsonObject o, String name) {
        try {
            return field(o, name).getAsLong();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("field '" + name + "' is not an integer: " + o.get(name), e);
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
