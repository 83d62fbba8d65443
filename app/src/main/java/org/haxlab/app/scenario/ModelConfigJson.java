package org.haxlab.app.scenario;

import com.google.gson.JsonObject;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.train.ConfigJson;

/**
 * JSON form of {@link ModelConfig} and {@link SparseConfig} in scenario files: written exactly as in a
 * checkpoint's run record ({@link ConfigJson}); read here with errors that name the field's JSON path
 * (e.g. {@code models[0].config.sparse.budget}), which a scenario's user needs to find the mistake.
 */
public final class ModelConfigJson {

    private ModelConfigJson() {
    }

    /** The JSON object of {@code c}: the same form as a checkpoint's run record ({@link ConfigJson}). */
    public static JsonObject write(ModelConfig c) {
        return ConfigJson.toJson(c);
    }

    /** The JSON object of {@code s}, as in a run record. */
    public static JsonObject write(SparseConfig s) {
        return ConfigJson.toJson(s);
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
