package org.haxlab.model.sparse;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Arrays made from host buffers wrap the buffer without copying; autograd saves the gather index and the
 * valid mask for the backward pass. They must outlive the per-block scope: here the freed host memory is
 * reused (with poison values) between the forward and the backward pass, which must not change the gradients.
 */
class SparseBackwardLifetimeTest {

    private static final int L = 96;
    private static final int N = 4;
    private static final int D = 5;

    private static NDArray random(NDManager m, Random rng, int... dims) {
        long[] shape = Arrays.stream(dims).asLongStream().toArray();
        float[] v = new float[(int) new Shape(shape).size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        NDArray a = m.create(v, new Shape(shape));
        a.setRequiresGradient(true);
        return a;
    }

    private static float[] gradients(NDManager m, SelectedKeys sel, boolean poison, boolean causal) {
        Random rng = new Random(5);
        NDArray q = random(m, rng, 1, L, N);
        NDArray k = random(m, rng, 1, L, N);
        NDArray v = random(m, rng, 1, L, D);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector(); NDScope scope = new NDScope()) {
            NDArray out = causal ? SparseAttention.causal(q, k, v, 4L * L)
                    : SparseAttention.sparse(q, k, v, new SelectedKeys[]{sel}, 4L * 8 * D);
            if (poison) {
                for (int round = 0; round < 20; round++) {
                    System.gc();
                    long[] junk = new long[L * 8];
                    Arrays.fill(junk, Long.MAX_VALUE / 3);
                    float[] nan = new float[L * L];
                    Arrays.fill(nan, Float.NaN);
                    try (NDManager tmp = m.newSubManager()) {
                        for (int i = 0; i < 50; i++) {
                            tmp.create(junk);
                            tmp.create(nan);
                        }
                    }
                }
            }
            gc.backward(out.square().sum());
        }
        return q.getGradient().flatten().concat(k.getGradient().flatten()).concat(v.getGradient().flatten())
                .toFloatArray();
    }

    private static void assertSame(float[] a, float[] b) {
        for (int i = 0; i < a.length; i++) {
            assertTrue(Float.isFinite(b[i]) && Math.abs(a[i] - b[i]) <= 1e-5f, "gradient " + i + ": " + a[i] + " vs " + b[i]);
        }
    }

    @Test
    void sparseGradientsSurviveReuseOfFreedHostBuffers() {
        SelectedKeys sel = new SlidingWindowPattern(8).select(SelectionInput.fixed(L));
        try (NDManager m = NDManager.newBaseManager()) {
            assertSame(gradients(m, sel, false, false), gradients(m, sel, true, false));
        }
    }

    @Test
    void causalGradientsSurviveReuseOfFreedHostBuffers() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertSame(gradients(m, null, false, true), gradients(m, null, true, true));
        }
    }
}
