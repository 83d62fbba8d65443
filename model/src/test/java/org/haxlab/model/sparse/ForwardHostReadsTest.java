package org.haxlab.model.sparse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import org.haxlab.model.nd.HostReads;
import org.haxlab.model.nd.Params;
import org.haxlab.model.trace.ForwardOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A forward without a trace (evaluation, the {@code bench attention} "fwd" pass) reads nothing back from the
 * device, exactly like a training forward (HostReadsInStepTest): only an inspection trace reads Q, K, bins and
 * scores to the host ({@link BranchTrace}). A forward-only pass that read L-sized arrays would wait for the GPU
 * per layer and could run slower than forward + backward there.
 */
class ForwardHostReadsTest {

    private static final int D_INNER = 6;
    private static final int N = 4;

    private static long readsOf(SparseBranch branch, NDArray x, ForwardOptions options) {
        long before = HostReads.onThisThread();
        try (NDScope scope = new NDScope()) {
            branch.forward(x, null, options);
        }
        return HostReads.onThisThread() - before;
    }

    @ParameterizedTest
    @CsvSource({"hax, SPARSE", "hax, DENSE", "hax, AUTO", "lsh, SPARSE", "ks, SPARSE", "swd, SPARSE", "full, SPARSE"})
    void evaluationAndTrainingForwardsReadNothing(String pattern, SparseConfig.AttentionPath path) {
        SparseConfig config = SparseConfig.paper(Pattern.parse(pattern)).withBudget(8).withPath(path);
        try (NDManager manager = NDManager.newBaseManager()) {
            SparseBranch branch = new SparseBranch(config, D_INNER, N, 0, new Params(manager, manager.getDevice()),
                    "attn.", new Random(3));
            for (int length : new int[] {40, 700}) {   // 700: past AUTO's dense limit on 2 threads
                NDArray x = manager.randomNormal(new Shape(2, length, D_INNER));
                assertEquals(0, readsOf(branch, x, ForwardOptions.eval()), pattern + " eval, L " + length);
                assertEquals(0, readsOf(branch, x, ForwardOptions.evalFresh(5)), pattern + " eval (fresh), L " + length);
                assertEquals(0, readsOf(branch, x, ForwardOptions.train(6)), pattern + " train forward, L " + length);
            }
        }
    }

    @Test
    void onlyATraceReads() {
        SparseConfig config = SparseConfig.paper(Pattern.HAX).withBudget(8).withPath(SparseConfig.AttentionPath.SPARSE);
        try (NDManager manager = NDManager.newBaseManager()) {
            SparseBranch branch = new SparseBranch(config, D_INNER, N, 0, new Params(manager, manager.getDevice()),
                    "attn.", new Random(3));
            NDArray x = manager.randomNormal(new Shape(1, 30, D_INNER));
            assertTrue(readsOf(branch, x, ForwardOptions.inspect(layer -> { })) > 0, "the trace reads Q, K and bins");
        }
    }
}
