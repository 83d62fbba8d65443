package org.haxlab.model.sparse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.haxlab.model.nd.ManagedTest;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The device's float32 LSH bins against the host reference {@link LshBuckets#bins}, every variant and rule. */
class DeviceLshTest extends ManagedTest {

    private static float[] gaussian(long seed, int size) {
        Random rng = new Random(seed);
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rng.nextGaussian() + 0.3);  // an offset, so that the centring matters
        }
        return x;
    }

    @Test
    void deviceBinsAreTheHostBins() {
        int batch = 3;
        int length = 57;
        int n = 16;
        float[] x = gaussian(1, batch * length * n);
        NDArray xs = manager.create(x, new Shape(batch, length, n));
        for (SparseConfig.Variant variant : SparseConfig.Variant.values()) {
            for (SparseConfig.LshRule rule : SparseConfig.LshRule.values()) {
                int width = rule == SparseConfig.LshRule.SIGN_BITS ? 8 : 12;
                float[] h = LshBuckets.projection(42, n, width);
                int[] want = LshBuckets.bins(x, batch, length, n, h, width, rule, variant);
                NDArray got = DeviceLsh.bins(xs, DeviceLsh.projection(manager, h, n, width), rule, variant);
                assertArrayEquals(want, got.toType(ai.djl.ndarray.types.DataType.INT32, false).toIntArray(),
                        variant + " " + rule);
            }
        }
    }

    @Test
    void wrongShapesAreRefused() {
        NDArray xs = manager.zeros(new Shape(2, 3, 4));
        assertThrows(IllegalArgumentException.class,
                () -> DeviceLsh.projection(manager, new float[5], 4, 2));
        NDArray h = DeviceLsh.projection(manager, new float[10], 5, 2);
        assertThrows(IllegalArgumentException.class,
                () -> DeviceLsh.bins(xs, h, SparseConfig.LshRule.SIGN_BITS, SparseConfig.Variant.CAUSAL));
    }
}
