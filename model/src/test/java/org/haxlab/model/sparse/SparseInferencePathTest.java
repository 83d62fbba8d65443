package org.haxlab.model.sparse;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without autograd the sparse path sums the selected V rows with a sparse x dense product instead of a
 * gather; with a gradient collector open it gathers. Both must give the same output, batch offsets and
 * padded slots included.
 */
class SparseInferencePathTest {

    @Test
    void sparseProductEqualsTheGatherPath() {
        int batch = 2;
        int length = 70;
        Random rng = new Random(9);
        int[] qb = new int[length];
        int[] kb = new int[length];
        float[] sc = new float[length];
        for (int i = 0; i < length; i++) {
            qb[i] = rng.nextInt(4);
            kb[i] = rng.nextInt(4);
            sc[i] = rng.nextFloat();
        }
        SelectionPattern hax = SelectionPattern.of(new SparseConfig(Pattern.HAX, 8, 2, SparseConfig.LshRule.SIGN_BITS,
                16, SparseConfig.Variant.CAUSAL, SparseConfig.AttentionPath.SPARSE));
        SelectedKeys s0 = hax.select(new SelectionInput(length, qb, kb, sc));
        SelectedKeys s1 = new DilatedPattern(5, 4).select(SelectionInput.fixed(length));  // empty first rows
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray q = m.randomNormal(new Shape(batch, length, 3));
            NDArray k = m.randomNormal(new Shape(batch, length, 3));
            NDArray v = m.randomNormal(new Shape(batch, length, 5));
            SelectedKeys[] sel = {s0, s1};
            NDArray eval = SparseAttention.sparse(q, k, v, sel, 3L * 8 * 5 * batch);
            NDArray gathered;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gathered = SparseAttention.sparse(q, k, v, sel, 3L * 8 * 5 * batch);
            }
            float diff = eval.sub(gathered).abs().max().getFloat();
            assertTrue(diff <= 1e-5f, "paths differ by " + diff);
            assertTrue(eval.abs().sum().getFloat() > 0, "an all-zero output cannot show agreement");
        }
    }

    /**
     * The sparse product only where it is sync-free: libtorch's CUDA sparse x dense product coalesces its COO
     * matrix, which reads the entry count back to the host once per query block, so a GPU forward without
     * autograd would wait for the device per block while training (the gather) never does (a +HAX forward at 16K
     * measured slower than its forward + backward on an H100).
     */
    @Test
    void onlyTheCpuUsesTheSparseProduct() {
        assertTrue(SparseAttention.sparseProduct(false, true, Device.cpu()));
        assertFalse(SparseAttention.sparseProduct(false, true, Device.gpu()));
        assertFalse(SparseAttention.sparseProduct(false, true, Device.gpu(1)));
        assertFalse(SparseAttention.sparseProduct(true, true, Device.cpu()), "autograd needs the gather");
        assertFalse(SparseAttention.sparseProduct(false, false, Device.cpu()), "COO is a PyTorch-engine call");
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            assertTrue(SparseAttention.sparseProduct(m.zeros(new Shape(1, 2, 3))));
        }
    }
}
