package org.haxlab.model.inspect;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.trace.Component;
import org.haxlab.model.trace.DecayTrace;
import org.haxlab.model.trace.LayerInspection;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InspectionJsonTest {

    /** BOS A a 3 | A a 3 : 7 tokens, one query at position 5 answered by the value at 3. */
    private static Inspection tiny(Backbone backbone) {
        int[] tokens = {1, 42, 26, 13, 4, 42, 26, 13};
        int l = tokens.length;
        int[] offsets = new int[l + 1];
        // query 5 selects key 2 (lsh + ks) and itself (ks); everything else selects nothing.
        for (int i = 6; i <= l; i++) {
            offsets[i] = 2;
        }
        AttentionSelection sel = new AttentionSelection(l, offsets, new int[] {2, 5},
                new int[] {Component.LSH.bit() | Component.KS.bit(), Component.KS.bit()}, new float[] {0.75f, 0.25f});
        int units = backbone == Backbone.MAMBA2 ? 2 : 4; // Mamba-1: 2 channels x 2 states
        int dtUnits = 2;
        float[] dt = new float[l * dtUnits];
        float[] logDecay = new float[l * units];
        for (int i = 0; i < logDecay.length; i++) {
            logDecay[i] = -0.1f * (i % units + 1);
        }
        DecayTrace decay = new DecayTrace(backbone, l, dtUnits, units, 2, dt, logDecay);
        int[] buckets = {0, 1, 2, 3, 4, 2, 6, 7};
        float[] zeros = new float[l];
        LayerInspection layer = new LayerInspection(0, buckets, buckets.clone(), zeros, sel, zeros, zeros, decay);
        QueryPrediction q = new QueryPrediction(6, 13, 12, 0.6f, 0.3f, new float[100]);
        ModelConfig cfg = ModelConfig.paper(backbone, Pattern.HAX);
        return new Inspection(cfg, tokens, List.of(layer), List.of(q), new int[l]);
    }

    private static JsonObject write(Inspection in, InspectionJson.Options o) throws Exception {
        StringWriter out = new StringWriter();
        InspectionJson.write(in, o, out);
        return JsonParser.parseString(out.toString()).getAsJsonObject();
    }

    @Test
    void writesDocumentedFields() throws Exception {
        JsonObject j = write(tiny(Backbone.MAMBA2), InspectionJson.Options.all());
        assertEquals(InspectionJson.FORMAT, j.get("format").getAsString());
        assertEquals(8, j.getAsJsonArray("tokens").size());
        assertEquals("A", j.getAsJsonArray("token_text").get(1).getAsString());
        JsonObject layer = j.getAsJsonArray("layers").get(0).getAsJsonObject();
        assertEquals(8, layer.getAsJsonArray("q_bucket").size());
        JsonArray row5 = layer.getAsJsonArray("selected").get(5).getAsJsonArray();
        assertEquals(2, row5.size());
        JsonObject first = row5.get(0).getAsJsonObject();
        assertEquals(2, first.get("key").getAsInt());
        assertEquals("[\"lsh\",\"ks\"]", first.getAsJsonArray("components").toString());
        assertEquals(0.75, first.get("weight").getAsDouble(), 1e-6);
        assertEquals(0, layer.getAsJsonArray("selected").get(4).getAsJsonArray().size());
        assertEquals("head", layer.getAsJsonObject("decay").get("unit").getAsString());
        JsonObject pred = j.getAsJsonArray("predictions").get(0).getAsJsonObject();
        assertEquals("3", pred.get("expected_text").getAsString());
        assertEquals("2", pred.get("predicted_text").getAsString());
        assertTrue(!pred.get("correct").getAsBoolean());
    }

    @Test
    void positionsFilterEveryPerPositionArray() throws Exception {
        JsonObject j = write(tiny(Backbone.MAMBA2), new InspectionJson.Options(List.of(0), List.of(5), false));
        JsonObject layer = j.getAsJsonArray("layers").get(0).getAsJsonObject();
        assertEquals("[5]", j.getAsJsonArray("positions").toString());
        assertEquals(1, layer.getAsJsonArray("selected").size());
        assertEquals(2, layer.getAsJsonArray("selected").get(0).getAsJsonArray().size());
        assertEquals(2, layer.getAsJsonArray("k_bucket").get(0).getAsInt());
        assertEquals(1, layer.getAsJsonObject("decay").getAsJsonArray("log_decay").size());
    }

    @Test
    void mamba1DecayIsAveragedOverStatesUnlessFull() throws Exception {
        Inspection in = tiny(Backbone.MAMBA1);
        JsonObject mean = write(in, new InspectionJson.Options(List.of(), List.of(1), false))
                .getAsJsonArray("layers").get(0).getAsJsonObject().getAsJsonObject("decay");
        // position 1, units 4..7: -0.1,-0.2 (channel 0) and -0.3,-0.4 (channel 1)
        JsonArray row = mean.getAsJsonArray("log_decay").get(0).getAsJsonArray();
        assertEquals(2, row.size());
        assertEquals(-0.15, row.get(0).getAsDouble(), 1e-6);
        assertEquals(-0.35, row.get(1).getAsDouble(), 1e-6);
        JsonObject full = write(in, new InspectionJson.Options(List.of(), List.of(1), true))
                .getAsJsonArray("layers").get(0).getAsJsonObject().getAsJsonObject("decay");
        assertEquals(4, full.getAsJsonArray("log_decay").get(0).getAsJsonArray().size());
    }

    @Test
    void unknownLayerOrPositionIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> write(tiny(Backbone.MAMBA2), new InspectionJson.Options(List.of(3), List.of(), false)));
        assertEquals("layer 3 does not exist (have 0..0)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> write(tiny(Backbone.MAMBA2), new InspectionJson.Options(List.of(), List.of(99), false)));
        assertEquals("position 99 does not exist (have 0..7)", e.getMessage());
    }
}
