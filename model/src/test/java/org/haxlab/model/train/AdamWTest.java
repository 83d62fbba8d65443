package org.haxlab.model.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import org.haxlab.model.nd.Params;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AdamWTest {

    /** Two steps of AdamW on w = [1, -2] with gradients [0.5, 0.1] then [-0.2, 0.3], computed by hand. */
    @Test
    void matchesHandComputedUpdates() {
        double lr = 0.1;
        double wd = 0.01;
        double[] w = {1, -2};
        double[][] g = {{0.5, 0.1}, {-0.2, 0.3}};
        double[] m = new double[2];
        double[] v = new double[2];
        try (NDManager manager = NDManager.newBaseManager(); Params params = new Params(manager, Device.cpu())) {
            params.add("w", new Shape(2), new float[] {1, -2});
            try (AdamW adam = new AdamW(params, wd)) {
                for (int t = 1; t <= 2; t++) {
                    for (int i = 0; i < 2; i++) {
                        w[i] -= lr * wd * w[i];
                        m[i] = 0.9 * m[i] + 0.1 * g[t - 1][i];
                        v[i] = 0.999 * v[i] + 0.001 * g[t - 1][i] * g[t - 1][i];
                        double mh = m[i] / (1 - Math.pow(0.9, t));
                        double vh = v[i] / (1 - Math.pow(0.999, t));
                        w[i] -= lr * mh / (Math.sqrt(vh) + 1e-8);
                    }
                    try (NDScope scope = new NDScope()) {
                        scope.suppressNotUsedWarning();
                        NDArray grad = manager.create(new float[] {(float) g[t - 1][0], (float) g[t - 1][1]});
                        adam.step(lr, List.of(grad));
                    }
                    float[] got = params.get("w").toFloatArray();
                    assertArrayEquals(new float[] {(float) w[0], (float) w[1]}, got, 1e-6f, "after step " + t);
                }
                assertEquals(2, adam.updates());
                // the first step of Adam moves each weight by about lr (sign of the gradient): a sanity anchor
                assertEquals(1 - 0.001 - 0.1 - 0.1 * 0.999 * 1.0, w[0], 0.2);
            }
        }
    }

    /**
     * The flat update (all weights as one vector) against a per-weight update in float32 arithmetic, the order
     * of the per-weight DJL update it replaced: the same weights and moments to the bit, by name, through a
     * restore too.
     */
    @Test
    void theFlatUpdateIsThePerWeightUpdateToTheBit() {
        String[] names = {"a", "b", "c"};
        Shape[] shapes = {new Shape(2, 3), new Shape(4), new Shape(1, 2, 2)};
        Random rng = new Random(3);
        float lr = 0.01f;
        float wd = 0.01f;
        Map<String, float[]> w = new LinkedHashMap<>();
        Map<String, float[]> m = new LinkedHashMap<>();
        Map<String, float[]> v = new LinkedHashMap<>();
        try (NDManager manager = NDManager.newBaseManager(); Params params = new Params(manager, Device.cpu())) {
            for (int i = 0; i < names.length; i++) {
                float[] values = random(rng, (int) shapes[i].size());
                params.add(names[i], shapes[i], values);
                w.put(names[i], values.clone());
                m.put(names[i], new float[values.length]);
                v.put(names[i], new float[values.length]);
            }
            try (AdamW adam = new AdamW(params, wd)) {
                for (int t = 1; t <= 4; t++) {
                    if (t == 3) {
                        // a resumed run: other moments put back from host copies
                        m.replaceAll((n, x) -> random(rng, x.length));
                        v.replaceAll((n, x) -> abs(random(rng, x.length)));
                        adam.restore(2, m, v);
                    }
                    Map<String, float[]> g = new LinkedHashMap<>();
                    for (String n : names) {
                        g.put(n, random(rng, w.get(n).length));
                    }
                    for (String n : names) {
                        reference(w.get(n), g.get(n), m.get(n), v.get(n), lr, wd, t);
                    }
                    try (NDScope scope = new NDScope()) {
                        scope.suppressNotUsedWarning();
                        List<NDArray> grads = new java.util.ArrayList<>();
                        for (int i = 0; i < names.length; i++) {
                            grads.add(manager.create(g.get(names[i]), shapes[i]));
                        }
                        adam.step(lr, grads);
                    }
                    for (String n : names) {
                        assertArrayEquals(w.get(n), params.get(n).toFloatArray(), 0f, n + " after step " + t);
                        assertArrayEquals(m.get(n), adam.firstMoments().get(n).toFloatArray(), 0f, "m of " + n);
                        assertArrayEquals(v.get(n), adam.secondMoments().get(n).toFloatArray(), 0f, "v of " + n);
                        assertEquals(params.get(n).getShape(), adam.firstMoments().get(n).getShape());
                    }
                }
                assertEquals(4, adam.updates());
            }
        }
    }

    /** The per-weight update in float32, each operation rounded as the device's separate kernels round it. */
    private static void reference(float[] w, float[] g, float[] m, float[] v, float lr, float wd, int t) {
        float decay = (float) (1 - lr * (double) wd);
        float c2 = (float) (1 - Math.pow(AdamW.BETA2, t));
        float rate = (float) (lr / (1 - Math.pow(AdamW.BETA1, t)));
        for (int i = 0; i < w.length; i++) {
            w[i] = w[i] * decay;
            m[i] = m[i] * 0.9f + g[i] * 0.1f;
            v[i] = v[i] * 0.999f + g[i] * g[i] * 0.001f;
            float denom = (float) Math.sqrt(v[i] / c2) + 1e-8f;
            w[i] = w[i] - m[i] / denom * rate;
        }
    }

    private static float[] random(Random rng, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return x;
    }

    private static float[] abs(float[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.abs(x[i]);
        }
        return x;
    }
}
