package org.haxlab.model.nn;

import ai.djl.ndarray.NDManager;
import org.haxlab.model.nd.InitScheme;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.trace.Backbone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two initialisation schemes (spec §5): every array of the released scheme against the released configs'
 * rules, the first scheme kept as it was, and the released Base (2x dim) shapes and weight counts.
 */
class InitSchemeTest {

    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static Map<String, float[]> weights(ModelConfig c) {
        try (HaxModel m = new HaxModel(c, manager, manager.getDevice())) {
            return m.params().snapshot();
        }
    }

    private static double std(float[] v) {
        double s = 0;
        double s2 = 0;
        for (float x : v) {
            s += x;
            s2 += x * x;
        }
        double mean = s / v.length;
        return Math.sqrt(s2 / v.length - mean * mean);
    }

    private static double maxAbs(float[] v) {
        double m = 0;
        for (float x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static void assertAll(float[] v, float want, String name) {
        for (int i = 0; i < v.length; i++) {
            assertEquals(want, v[i], 0f, name + "[" + i + "]");
        }
    }

    /** N(0, 0.1): sample std within 10 % (every array tested has >= 500 entries) and not uniform-bounded. */
    private static void assertNormal01(float[] v, String name) {
        assertTrue(v.length >= 500, name + " too small for the check: " + v.length);
        assertEquals(0.1, std(v), 0.01, name + " std");
        assertTrue(maxAbs(v) > 0.25, name + " has no tail beyond 2.5 std: not a normal draw");
    }

    @Test
    void newModelsUseTheReleasedScheme() {
        assertEquals(InitScheme.RELEASED, ModelConfig.paper(Backbone.MAMBA2, Pattern.HAX).init());
        assertEquals(InitScheme.RELEASED, ModelConfig.paper(Backbone.MAMBA1, Pattern.HAX).base2x().init());
        assertEquals(InitScheme.TORCH, ModelConfig.paper(Backbone.MAMBA1, Pattern.HAX).withInit(InitScheme.TORCH)
                .base2x().init());
    }

    @Test
    void releasedMamba2FollowsTheReleasedConfig() {
        Map<String, float[]> w = weights(ModelConfig.paper(Backbone.MAMBA2, Pattern.HAX));
        assertNormal01(w.get("embedding"), "embedding");
        String p = "layers.1.mixer.";
        assertNormal01(w.get(p + "in_proj"), "in_proj");
        assertNormal01(w.get(p + "conv_weight"), "conv_weight");
        assertAll(w.get(p + "conv_bias"), 0f, "conv_bias");
        float[] aLog = w.get(p + "A_log");
        for (int h = 0; h < 8; h++) {
            assertEquals(h + 1, Math.exp(aLog[h]), 1e-5, "A of head " + h + " (released: 1..heads)");
        }
        assertAll(w.get(p + "D"), 1f, "D");
        assertAll(w.get(p + "norm"), 1f, "norm");
        // rescale_prenorm_residual: kaiming_uniform(a = sqrt 5) over sqrt(layers)
        double bound = 1 / Math.sqrt(128) / Math.sqrt(2);
        assertTrue(maxAbs(w.get(p + "out_proj")) <= bound + 1e-7, "out_proj within U(+-" + bound + ")");
        assertTrue(maxAbs(w.get(p + "out_proj")) > 0.9 * bound, "out_proj fills its bound");
        for (float dt : w.get(p + "dt_bias")) {
            double sp = MambaInit.softplus(dt);
            assertTrue(sp >= 1e-3 - 1e-9 && sp <= 0.1 + 1e-9, "softplus(dt_bias) in [0.001, 0.1]: " + sp);
        }
        assertNormal01(w.get(p + "attn.w_xx"), "w_xx");
        assertAll(w.get(p + "attn.gate_e"), 1f, "gate_e");
        assertNormal01(w.get(p + "attn.ks.w1"), "ks.w1");
        assertNormal01(w.get(p + "attn.ks.w2"), "ks.w2");
        assertEquals(0.1, std(w.get(p + "attn.ks.w3")), 0.035, "ks.w3 std (64 entries)");
        for (String b : new String[] {"b1", "b2", "b3"}) {
            assertAll(w.get(p + "attn.ks." + b), 0f, "ks." + b);
        }
    }

    @Test
    void releasedMamba1FollowsTheReleasedConfig() {
        Map<String, float[]> w = weights(ModelConfig.paper(Backbone.MAMBA1, Pattern.KS));
        assertNormal01(w.get("embedding"), "embedding");
        String p = "layers.0.mixer.";
        assertNormal01(w.get(p + "in_proj"), "in_proj");
        assertNormal01(w.get(p + "x_proj"), "x_proj");
        assertNormal01(w.get(p + "out_proj"), "out_proj (no rescaling in the Mamba-1 config)");
        // the released Mamba-1 init resets the conv to PyTorch's default: U(+-1/sqrt(K)), K = 4
        assertTrue(maxAbs(w.get(p + "conv_weight")) <= 0.5 && maxAbs(w.get(p + "conv_weight")) > 0.45, "conv_weight");
        assertTrue(maxAbs(w.get(p + "conv_bias")) <= 0.5 && maxAbs(w.get(p + "conv_bias")) > 0.4, "conv_bias");
        double dtBound = 1 / Math.sqrt(8);
        assertTrue(maxAbs(w.get(p + "dt_proj")) <= dtBound && maxAbs(w.get(p + "dt_proj")) > 0.9 * dtBound, "dt_proj");
        float[] aLog = w.get(p + "A_log");
        for (int i = 0; i < aLog.length; i++) {
            assertEquals(i % 16 + 1, Math.exp(aLog[i]), 1e-4, "A[" + i + "]");
        }
        assertAll(w.get(p + "D"), 1f, "D");
        assertNormal01(w.get(p + "attn.w_xx"), "w_xx");
        assertAll(w.get(p + "attn.ks.b1"), 0f, "ks.b1");
    }

    @Test
    void torchSchemeKeepsPyTorchDefaults() {
        Map<String, float[]> w = weights(ModelConfig.paper(Backbone.MAMBA2, Pattern.HAX).withInit(InitScheme.TORCH));
        assertEquals(0.02, std(w.get("embedding")), 0.002, "embedding std");
        String p = "layers.0.mixer.";
        double in = 1 / Math.sqrt(64);
        assertTrue(maxAbs(w.get(p + "in_proj")) <= in && maxAbs(w.get(p + "in_proj")) > 0.95 * in, "in_proj U(+-1/8)");
        assertTrue(maxAbs(w.get(p + "conv_bias")) > 0.3, "conv_bias drawn U(+-0.5)");
        for (float a : w.get(p + "A_log")) {
            assertTrue(Math.exp(a) >= 1 && Math.exp(a) <= 16, "A in [1, 16]");
        }
        double ks = 1 / Math.sqrt(64);
        assertTrue(maxAbs(w.get(p + "attn.ks.b1")) <= ks && maxAbs(w.get(p + "attn.ks.b1")) > 0, "ks.b1 drawn");
    }

    /**
     * The torch scheme draws exactly what HAX Lab drew before the released scheme existed: a position-weighted
     * running hash over every weight in creation order, pinned from the previous code (seed 0, +HAX).
     */
    @Test
    void torchSchemeDrawsExactlyWhatThePreviousCodeDrew() {
        double[] want = {29649.357229722882, 2745.330574344169};
        Backbone[] backbones = {Backbone.MAMBA1, Backbone.MAMBA2};
        for (int b = 0; b < 2; b++) {
            Map<String, float[]> w = weights(ModelConfig.paper(backbones[b], Pattern.HAX).withInit(InitScheme.TORCH));
            double h = 0;
            for (float[] v : w.values()) {
                for (int i = 0; i < v.length; i++) {
                    h = h * 1.0000001 + v[i] * (i % 7 + 1);
                }
            }
            assertEquals(want[b], h, 0.0, backbones[b] + " torch-scheme weights");
        }
    }

    @Test
    void sameSeedSameWeightsAndTheSchemesDiffer() {
        ModelConfig c = ModelConfig.paper(Backbone.MAMBA2, Pattern.HAX).withSeed(7);
        Map<String, float[]> a = weights(c);
        Map<String, float[]> b = weights(c);
        for (String n : a.keySet()) {
            assertArrayEquals(a.get(n), b.get(n), n);
        }
        Map<String, float[]> t = weights(c.withInit(InitScheme.TORCH));
        assertEquals(a.keySet(), t.keySet(), "the scheme never changes names");
        assertNotEquals(a.get("embedding")[0], t.get("embedding")[0]);
    }

    @Test
    void baseTwiceDimHasTheReleasedShapes() {
        ModelConfig m2 = ModelConfig.paper(Backbone.MAMBA2, Pattern.HAX).base2x();
        assertEquals(8, m2.heads());
        assertEquals(32, m2.headDim());
        try (HaxModel m = new HaxModel(m2, manager, manager.getDevice())) {
            assertEquals(231_984, m.params().count(), "released mamba2_double_size");
        }
        try (HaxModel m = new HaxModel(ModelConfig.paper(Backbone.MAMBA1, Pattern.HAX).base2x(), manager,
                manager.getDevice())) {
            assertEquals(246_144, m.params().count(), "released mamba_double_size");
        }
    }

    @Test
    void parsesSchemeNames() {
        assertEquals(InitScheme.TORCH, InitScheme.parse(" Torch "));
        assertEquals(InitScheme.RELEASED, InitScheme.parse("released"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InitScheme.parse("xavier"));
        assertTrue(e.getMessage().contains("'xavier'") && e.getMessage().contains("torch or released"), e.getMessage());
    }
}
