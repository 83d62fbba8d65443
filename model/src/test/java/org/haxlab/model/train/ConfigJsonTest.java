package org.haxlab.model.train;

import com.google.gson.JsonObject;
import org.haxlab.model.json.JsonFieldException;
import org.haxlab.model.json.JsonFields;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.trace.Backbone;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one JSON form of model configs (run records and scenario files) and its errors. */
class ConfigJsonTest {

    private static final ModelConfig HAX = ModelConfig.paper(Backbone.MAMBA2,
            SparseConfig.paper(Pattern.HAX).withVariant(SparseConfig.Variant.PAPER), 42L);

    @Test
    void readsBackWhatItWrites() {
        assertEquals(HAX, ConfigJson.modelConfig(new JsonFields(ConfigJson.toJson(HAX), "")));
        ModelConfig base = ModelConfig.paper(Backbone.MAMBA1, Pattern.NONE).base2x();
        assertEquals(base, ConfigJson.modelConfig(new JsonFields(ConfigJson.toJson(base), "")));
    }

    @Test
    void errorsNameTheFieldByItsPath() {
        JsonObject missing = ConfigJson.toJson(HAX);
        missing.getAsJsonObject("sparse").remove("budget");
        JsonFieldException e = assertThrows(JsonFieldException.class,
                () -> ConfigJson.modelConfig(new JsonFields(missing, "models[1].config")));
        assertEquals("models[1].config.sparse.budget", e.field());
        assertEquals("is missing", e.problem());

        JsonObject badEnum = ConfigJson.toJson(HAX);
        badEnum.addProperty("backbone", "mamba3");
        e = assertThrows(JsonFieldException.class, () -> ConfigJson.modelConfig(new JsonFields(badEnum, "")));
        assertEquals("backbone", e.field());
        assertTrue(e.problem().contains("MAMBA1, MAMBA2"), e.problem());

        JsonObject refused = ConfigJson.toJson(HAX);
        refused.getAsJsonObject("sparse").addProperty("budget", 63);
        e = assertThrows(JsonFieldException.class, () -> ConfigJson.modelConfig(new JsonFields(refused, "config")));
        assertEquals("config.sparse", e.field(), "the record's refusal is placed on the object it read");
        assertTrue(e.problem().contains("budget k=63"), e.problem());
    }
}
