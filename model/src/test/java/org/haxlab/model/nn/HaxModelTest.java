package org.haxlab.model.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.trace.ForwardOptions;
import org.haxlab.model.trace.LayerInspection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole model with the plain SSM (pattern NONE): shapes, causality, gradients, seeds, names, traces. */
class HaxModelTest {

    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static HaxModel model(Backbone backbone, long seed) {
        return new HaxModel(ModelConfig.paper(backbone, Pattern.NONE).withSeed(seed), manager, manager.getDevice());
    }

    private static long[] tokens(long seed, int batch, int len) {
        Random rng = new Random(seed);
        long[] t = new long[batch * len];
        for (int i = 0; i < t.length; i++) {
            t[i] = 1 + rng.nextInt(57);
        }
        return t;
    }

    private static float[] logits(HaxModel model, long[] tokens, int batch, int len) {
        try (NDScope scope = new NDScope()) {
            return model.forward(manager.create(tokens, new Shape(batch, len)), ForwardOptions.eval())
                    .logits().toFloatArray();
        }
    }

    @ParameterizedTest
    @EnumSource(Backbone.class)
    void forwardGivesLogitsPerPositionAndAZeroGateLoss(Backbone backbone) {
        try (HaxModel m = model(backbone, 1); NDScope scope = new NDScope()) {
            ForwardOutput out = m.forward(manager.create(tokens(1, 2, 40), new Shape(2, 40)), ForwardOptions.eval());
            assertEquals(new Shape(2, 40, 100), out.logits().getShape());
            assertEquals(new Shape(), out.gateLoss().getShape());
            assertEquals(0f, out.gateLoss().getFloat());
            for (float v : out.logits().toFloatArray()) {
                assertTrue(Float.isFinite(v), "non-finite logit");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backbone.class)
    void changingATokenNeverChangesEarlierLogits(Backbone backbone) {
        int len = 90;
        int changed = 50;
        try (HaxModel m = model(backbone, 2)) {
            long[] t = tokens(2, 1, len);
            float[] before = logits(m, t, 1, len);
            t[changed] = t[changed] == 30 ? 31 : 30;
            float[] after = logits(m, t, 1, len);
            double later = 0;
            for (int i = 0; i < before.length; i++) {
                int pos = i / 100;
                double diff = Math.abs(before[i] - after[i]);
                if (pos < changed) {
                    assertTrue(diff <= 1e-5, "logit at position " + pos + " moved by " + diff + " after changing " + changed);
                } else {
                    later = Math.max(later, diff);
                }
            }
            assertTrue(later > 1e-3, "changing a token must change its own logits, max diff " + later);
        }
    }

    @ParameterizedTest
    @EnumSource(Backbone.class)
    void sameSeedSameLogitsOtherSeedOtherLogits(Backbone backbone) {
        long[] t = tokens(3, 2, 40);
        try (HaxModel a = model(backbone, 7); HaxModel b = model(backbone, 7); HaxModel c = model(backbone, 8)) {
            float[] la = logits(a, t, 2, 40);
            assertArrayEquals(la, logits(b, t, 2, 40), 0f);
            assertFalse(java.util.Arrays.equals(la, logits(c, t, 2, 40)));
        }
    }

    @ParameterizedTest
    @EnumSource(Backbone.class)
    void everyParameterGetsAGradient(Backbone backbone) {
        int len = 70;
        try (HaxModel m = model(backbone, 4); NDScope scope = new NDScope()) {
            Random rng = new Random(40);
            float[] w = new float[2 * len * 100];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) rng.nextGaussian();
            }
            NDArray weights = manager.create(w, new Shape(2, len, 100));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                ForwardOutput out = m.forward(manager.create(tokens(4, 2, len), new Shape(2, len)), ForwardOptions.train(1));
                gc.backward(out.logits().mul(weights).sum().add(out.gateLoss()));
            }
            for (Map.Entry<String, NDArray> e : m.params().asMap().entrySet()) {
                float g = e.getValue().getGradient().abs().sum().getFloat();
                assertTrue(g > 0 && Float.isFinite(g), e.getKey() + " got gradient norm " + g);
            }
        }
    }

    @Test
    void parameterNamesAreStable() {
        try (HaxModel m1 = model(Backbone.MAMBA1, 0); HaxModel m2 = model(Backbone.MAMBA2, 0)) {
            List<String> want1 = new ArrayList<>(List.of("embedding"));
            List<String> want2 = new ArrayList<>(List.of("embedding"));
            for (int i = 0; i < 2; i++) {
                String p = "layers." + i + ".";
                want1.add(p + "norm");
                want2.add(p + "norm");
                for (String n : List.of("in_proj", "conv_weight", "conv_bias", "x_proj", "dt_proj", "dt_bias", "A_log",
                        "D", "out_proj")) {
                    want1.add(p + "mixer." + n);
                }
                for (String n : List.of("in_proj", "conv_weight", "conv_bias", "dt_bias", "A_log", "D", "norm",
                        "out_proj")) {
                    want2.add(p + "mixer." + n);
                }
            }
            want1.add("norm_f");
            want2.add("norm_f");
            assertEquals(want1, m1.params().names());
            assertEquals(want2, m2.params().names());
            assertEquals(new Shape(128, 16), m1.params().get("layers.0.mixer.A_log").getShape());
            assertEquals(new Shape(2 * 128 + 2 * 32 + 8, 64), m2.params().get("layers.1.mixer.in_proj").getShape());
            assertEquals(new Shape(128 + 2 * 32, 4), m2.params().get("layers.1.mixer.conv_weight").getShape());
        }
    }

    @Test
    void ssdChunkLengthDoesNotChangeTheResult() {
        ModelConfig cfg = ModelConfig.paper(Backbone.MAMBA2, Pattern.NONE).withSeed(5);
        long[] t = tokens(5, 2, 100);
        try (HaxModel a = new HaxModel(cfg, manager, manager.getDevice(), 8);
             HaxModel b = new HaxModel(cfg, manager, manager.getDevice(), 64)) {
            float[] la = logits(a, t, 2, 100);
            float[] lb = logits(b, t, 2, 100);
            for (int i = 0; i < la.length; i++) {
                assertEquals(lb[i], la[i], 1e-4 * (1 + Math.abs(lb[i])), "logit " + i);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backbone.class)
    void inspectionReportsEveryLayer(Backbone backbone) {
        int len = 30;
        List<LayerInspection> layers = new ArrayList<>();
        try (HaxModel m = model(backbone, 6); NDScope scope = new NDScope()) {
            m.forward(manager.create(tokens(6, 1, len), new Shape(1, len)), ForwardOptions.inspect(layers::add));
            assertThrows(IllegalArgumentException.class, () -> m.forward(manager.create(tokens(6, 2, len),
                    new Shape(2, len)), ForwardOptions.inspect(layers::add)));
        }
        assertEquals(2, layers.size());
        for (int i = 0; i < 2; i++) {
            LayerInspection li = layers.get(i);
            assertEquals(i, li.layer());
            assertEquals(len, li.ssmNorm().length);
            assertEquals(len, li.attnNorm().length);
            assertEquals(len, li.selection().length());
            assertEquals(0, li.selection().size());
            assertFalse(li.hasBuckets() || li.hasScores());
            int units = backbone == Backbone.MAMBA1 ? 128 * 16 : 8;
            assertEquals(units, li.decay().units());
            assertEquals(backbone == Backbone.MAMBA1 ? 128 : 8, li.decay().dtUnits());
            for (float v : li.decay().logDecay()) {
                assertTrue(v <= 0, "log decay " + v + " must be <= 0");
            }
            assertTrue(li.decay().dt(3, 0) > 0);
            assertTrue(li.ssmNorm()[len - 1] > 0);
        }
    }
}
