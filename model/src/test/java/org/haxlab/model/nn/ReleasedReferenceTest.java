package org.haxlab.model.nn;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.trace.ForwardOptions;
import org.haxlab.model.trace.LayerInspection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole model against the small numpy reference of {@code reference/released_reference.py}, written from
 * the rules of spec §3 and §5 (not from this code): both backbones, +HAX and +LSH (whose empty rows the paper
 * variant reads everything with), both variants, padded and unpadded batches, on the dense and the sparse path.
 * The paper variant hashes with the projections of a fresh draw, the causal one with the model's fixed ones;
 * the reference replays java.util.Random to draw them, and the test checks that it drew the same numbers.
 */
class ReleasedReferenceTest {

    private static final String FIXTURES = "/reference/released_fixtures.json";
    private static JsonObject fixtures;
    private static NDManager manager;

    @BeforeAll
    static void open() throws IOException {
        manager = NDManager.newBaseManager();
        fixtures = load();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static JsonObject load() throws IOException {
        try (InputStream in = ReleasedReferenceTest.class.getResourceAsStream(FIXTURES)) {
            assertNotNull(in, FIXTURES + " is missing: run released_reference.py");
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }

    static Stream<Arguments> cases() throws IOException {
        JsonObject all = load();
        List<Arguments> out = new ArrayList<>();
        for (JsonElement c : all.getAsJsonArray("cases")) {
            for (SparseConfig.AttentionPath path : List.of(SparseConfig.AttentionPath.DENSE,
                    SparseConfig.AttentionPath.SPARSE)) {
                out.add(Arguments.of(c.getAsJsonObject().get("name").getAsString(), path));
            }
        }
        return out.stream();
    }

    private static JsonObject caseNamed(String name) {
        for (JsonElement c : fixtures.getAsJsonArray("cases")) {
            if (c.getAsJsonObject().get("name").getAsString().equals(name)) {
                return c.getAsJsonObject();
            }
        }
        throw new IllegalArgumentException("no fixture case " + name);
    }

    private static ModelConfig config(JsonObject c, SparseConfig.Variant variant, SparseConfig.AttentionPath path) {
        SparseConfig sparse = new SparseConfig(Pattern.parse(c.get("pattern").getAsString()), c.get("budget").getAsInt(),
                c.get("hashBits").getAsInt(), SparseConfig.LshRule.SIGN_BITS, 2048, variant, path);
        return new ModelConfig(Backbone.valueOf(c.get("backbone").getAsString()), c.get("vocabSize").getAsInt(),
                c.get("dModel").getAsInt(), c.get("layers").getAsInt(), c.get("expand").getAsInt(),
                c.get("dState").getAsInt(), c.get("dtRank").getAsInt(), c.get("heads").getAsInt(),
                c.get("convKernel").getAsInt(), sparse, c.get("initSeed").getAsLong());
    }

    private static float[] floats(JsonElement e) {
        JsonArray a = e.getAsJsonArray();
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsFloat();
        }
        return out;
    }

    private static int[] ints(JsonElement e) {
        JsonArray a = e.getAsJsonArray();
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsInt();
        }
        return out;
    }

    private static void assertClose(float[] want, float[] got, String what) {
        assertEquals(want.length, got.length, what + " size");
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 2e-4 * (1 + Math.abs(want[i])), what + "[" + i + "]");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void matchesTheReference(String name, SparseConfig.AttentionPath path) {
        JsonObject c = caseNamed(name);
        JsonObject model = fixtures.getAsJsonArray("models").get(c.get("model").getAsInt()).getAsJsonObject();
        SparseConfig.Variant variant = SparseConfig.Variant.valueOf(c.get("variant").getAsString());
        ModelConfig config = config(model.getAsJsonObject("config"), variant, path);
        long passSeed = c.get("passSeed").getAsLong();
        JsonArray rows = c.getAsJsonArray("tokens");
        int batch = rows.size();
        int length = rows.get(0).getAsJsonArray().size();
        long[] tokens = new long[batch * length];
        for (int b = 0; b < batch; b++) {
            int[] row = ints(rows.get(b));
            for (int t = 0; t < length; t++) {
                tokens[b * length + t] = row[t];
            }
        }
        Map<String, float[]> weights = new LinkedHashMap<>();
        model.getAsJsonObject("weights").entrySet().forEach(e -> weights.put(e.getKey(), floats(e.getValue())));
        try (HaxModel m = new HaxModel(config, manager, manager.getDevice())) {
            assertEquals(weights.keySet(), new java.util.LinkedHashSet<>(m.params().names()), "weight names");
            m.params().copyFrom(weights);
            // the paper variant draws fresh projections on every evaluation forward; the causal one keeps its own
            ForwardOptions plain = variant == SparseConfig.Variant.PAPER ? ForwardOptions.evalFresh(passSeed)
                    : ForwardOptions.eval();
            try (NDScope scope = new NDScope()) {
                float[] logits = m.forward(manager.create(tokens, new Shape(batch, length)), plain).logits()
                        .toFloatArray();
                assertClose(floats(c.get("logits")), logits, name + " logits");
            }
            JsonArray layers = c.getAsJsonArray("layers");
            for (int b = 0; b < batch; b++) {
                List<LayerInspection> seen = new ArrayList<>();
                ForwardOptions traced = new ForwardOptions(false, passSeed, seen::add, null, plain.freshProjection());
                long[] one = java.util.Arrays.copyOfRange(tokens, b * length, (b + 1) * length);
                try (NDScope scope = new NDScope()) {
                    m.forward(manager.create(one, new Shape(1, length)), traced);
                }
                assertEquals(layers.size(), seen.size());
                for (int l = 0; l < seen.size(); l++) {
                    JsonObject want = layers.get(l).getAsJsonObject();
                    LayerInspection got = seen.get(l);
                    String where = name + " sequence " + b + " layer " + l;
                    assertEquals(variant == SparseConfig.Variant.PAPER, got.emptyRowsReadEverything(), where);
                    if (!want.get("projection").isJsonNull()) {
                        assertArrayEquals(floats(want.get("projection")), got.vectors().projection(),
                                where + ": the reference drew another projection");
                        assertArrayEquals(ints(want.getAsJsonArray("qBins").get(b)), got.qBucket(), where + " q bins");
                        assertArrayEquals(ints(want.getAsJsonArray("kBins").get(b)), got.kBucket(), where + " k bins");
                    }
                    if (!want.get("ksScores").isJsonNull()) {
                        float[] all = floats(want.get("ksScores"));
                        assertClose(java.util.Arrays.copyOfRange(all, b * length, (b + 1) * length), got.ksScore(),
                                where + " KS scores");
                    }
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void fixturesCoverEveryCombination() {
        List<String> names = new ArrayList<>();
        fixtures.getAsJsonArray("cases").forEach(c -> names.add(c.getAsJsonObject().get("name").getAsString()));
        for (String backbone : List.of("mamba1", "mamba2")) {
            for (String variant : List.of("paper", "causal")) {
                for (String padding : List.of("padded", "unpadded")) {
                    assertTrue(names.contains(backbone + "-hax-" + variant + "-" + padding), names.toString());
                }
                assertTrue(names.contains(backbone + "-lsh-" + variant + "-padded"), names.toString());
            }
        }
    }
}
