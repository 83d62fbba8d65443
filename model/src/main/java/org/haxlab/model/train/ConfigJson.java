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
        int vocab = f.integer("vocabSize");
        int dModel = f.integer("dModel");
        int layers = f.integer("layers");
        int expand = f.integer("expand");
        int dState = f.integer("dState");
        int dtRank = f.integer("dtRank");
        int heads = f.integer("heads");
        int conv = f.integer("convKernel");
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
        int budget = f.integer("budget");
        int hashBits = f.integer("hashBits");
        SparseConfig.LshRule rule = f.enumValue("lshRule", SparseConfig.LshRule.class);
        int maxLen = f.integer("maxLen");
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
