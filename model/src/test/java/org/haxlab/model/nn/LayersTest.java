package org.haxlab.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.haxlab.model.nd.Params;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The conv, norms and init helpers against host loops written from their definitions. */
class LayersTest {

    private static float[] random(Random rng, int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }

    @Test
    void causalConvMatchesPyTorchConv1dDefinition() {
        int batch = 2;
        int len = 9;
        int ch = 3;
        int k = 4;
        Random rng = new Random(11);
        float[] x = random(rng, batch * len * ch);
        float[] w = random(rng, ch * k);
        float[] b = random(rng, ch);
        try (NDManager m = NDManager.newBaseManager()) {
            float[] got = Layers.causalConv(m.create(x, new Shape(batch, len, ch)), m.create(w, new Shape(ch, k)),
                    m.create(b, new Shape(ch))).toFloatArray();
            for (int s = 0; s < batch; s++) {
                for (int t = 0; t < len; t++) {
                    for (int c = 0; c < ch; c++) {
                        double want = b[c];
                        for (int j = 0; j < k; j++) {
                            int src = t - (k - 1) + j;          // Conv1d(padding=K-1), first L outputs
                            if (src >= 0) {
                                want += w[c * k + j] * x[(s * len + src) * ch + c];
                            }
                        }
                        assertEquals(want, got[(s * len + t) * ch + c], 1e-5, "out[" + s + "," + t + "," + c + "]");
                    }
                }
            }
        }
    }

    @Test
    void causalConvNeverLooksAhead() {
        int len = 12;
        Random rng = new Random(12);
        float[] x = random(rng, len * 2);
        float[] w = random(rng, 2 * 4);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray wa = m.create(w, new Shape(2, 4));
            NDArray ba = m.zeros(new Shape(2));
            float[] before = Layers.causalConv(m.create(x, new Shape(1, len, 2)), wa, ba).toFloatArray();
            x[7 * 2 + 1] += 5f;                                  // change position 7, channel 1
            float[] after = Layers.causalConv(m.create(x, new Shape(1, len, 2)), wa, ba).toFloatArray();
            for (int i = 0; i < len * 2; i++) {
                int t = i / 2;
                if (t < 7 || i % 2 == 0) {
                    assertEquals(before[i], after[i], 0f, "position " + t + " channel " + i % 2 + " changed");
                } else if (t < 7 + 4) {
                    assertNotEquals(before[i], after[i], "position " + t + " must see position 7");
                }
            }
        }
    }

    @Test
    void causalConvRejectsMismatchedWeights() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThrows(IllegalArgumentException.class,
                    () -> Layers.causalConv(m.zeros(new Shape(1, 5, 3)), m.zeros(new Shape(4, 4)), m.zeros(new Shape(4))));
        }
    }

    @Test
    void rmsNormAndGatedNormFollowTheirDefinitions() {
        float[] y = {1f, -2f, 3f, 0.5f};
        float[] z = {0.3f, -1f, 2f, 0f};
        float[] w = {1f, 2f, 0.5f, -1f};
        try (NDManager m = NDManager.newBaseManager()) {
            float[] got = Layers.rmsNormGated(m.create(y, new Shape(1, 4)), m.create(z, new Shape(1, 4)),
                    m.create(w, new Shape(4))).toFloatArray();
            double[] g = new double[4];
            double ms = 0;
            for (int i = 0; i < 4; i++) {
                g[i] = y[i] * z[i] / (1 + Math.exp(-z[i]));     // y * SiLU(z), then the norm
                ms += g[i] * g[i] / 4;
            }
            float[] want = new float[4];
            for (int i = 0; i < 4; i++) {
                want[i] = (float) (g[i] / Math.sqrt(ms + Layers.RMS_EPS) * w[i]);
            }
            assertArrayEquals(want, got, 1e-5f);
        }
    }

    @Test
    void dtBiasGivesStepSizesInTheInitialRange() {
        try (NDManager m = NDManager.newBaseManager(); Params p = new Params(m, m.getDevice())) {
            float[] bias = MambaInit.dtBias(p, "dt_bias", 2000, new Random(3)).toFloatArray();
            double lo = 1;
            double hi = 0;
            for (float v : bias) {
                double dt = MambaInit.softplus(v);
                lo = Math.min(lo, dt);
                hi = Math.max(hi, dt);
            }
            assertEquals(0.001, lo, 2e-4, "smallest softplus(dt_bias)");
            assertEquals(0.1, hi, 0.01, "largest softplus(dt_bias)");
        }
    }
}
