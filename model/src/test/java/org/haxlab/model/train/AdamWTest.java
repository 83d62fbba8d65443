package org.haxlab.model.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import org.haxlab.model.nd.Params;
import org.junit.jupiter.api.Test;

import java.util.List;

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
}
