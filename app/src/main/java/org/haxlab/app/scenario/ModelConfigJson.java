package org.haxlab.app.scenario;

import com.google.gson.JsonObject;
import org.haxlab.model.nn.Backbone;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig;

/**
 * Explicit JSON form of {@link ModelConfig} and {@link SparseConfig}: every record component by
 * its name, enums by {@link Enum#name()}. Written by hand rather than reflected so that renaming a
 * Java field never silently changes the file format, and reading checks every field.
 */
public final class ModelConfigJson {

    private ModelConfigJson() {
    }

    /** The JSON object of {@code c}. */
    public static JsonObject write(ModelConfig c) {
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
        o.add("sparse", write(c.sparse()));
        o.addProperty("initSeed", c.initSeed());
        return o;
    }

    /** The JSON object of {@code s}. */
    public static JsonObject write(SparseConfig s) {
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
     * @param path the object's JSON path, for messages (e.g. {@code models[0].config})
     * @throws JsonFieldException naming the field that is missing, mistyped or refused by the record
     */
    public static ModelConfig readModel(JsonObject o, String path) {
        return readModel(new JsonFields(o, path));
    }

    /**
     * Reads a sparse config.
     *
     * @param path the object's JSON path, for messages
     * @throws JsonFieldException naming the field that is missing, mistyped or refused by the record
     */
    public static SparseConfig readSparse(JsonObject o, String path) {
        return readSparse(new JsonFields(o, path));
    }

    static ModelConfig readModel(JsonFields f) {
        Backbone backbone = f.enumValue("backbone", Backbone.class);
        int vocab = f.integer("vocabSize");
        int dModel = f.integer("dModel");
        int layers = f.integer("layers");
        int expand = f.integer("expand");
        int dState = f.integer("dState");
        int dtRank = f.integer("dtRank");
        int heads = f.integer("heads");
        int conv = f.integer("convKernel");
        SparseConfig sparse = readSparse(f.object("sparse"));
        long seed = f.longValue("initSeed");
        return f.build(() -> new ModelConfig(backbone, vocab, dModel, layers, expand, dState, dtRank, heads, conv,
                sparse, seed));
    }

    static SparseConfig readSparse(JsonFields f) {
        Pattern pattern = f.enumValue("pattern", Pattern.class);
        int budget = f.integer("budget");
        int hashBits = f.integer("hashBits");
        SparseConfig.LshRule rule = f.enumValue("lshRule", SparseConfig.LshRule.class);
        int maxLen = f.integer("maxLen");
        SparseConfig.Variant variant = f.enumValue("variant", SparseConfig.Variant.class);
        SparseConfig.AttentionPath path = f.enumValue("path", SparseConfig.AttentionPath.class);
        return f.build(() -> new SparseConfig(pattern, budget, hashBits, rule, maxLen, variant, path));
    }
}
