package org.haxlab.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.haxlab.model.nd.Scalars;

/**
 * The task's loss and accuracy (spec §1): both are taken only at the inquiry key positions
 * ({@code Batch.lossMask}); the target there is the value that follows.
 */
public final class Objective {

    private Objective() {
    }

    /** Per-position cross-entropy (B, L) of {@code logits} (B, L, V) against int64 {@code targets} (B, L). */
    public static NDArray crossEntropy(NDArray logits, NDArray targets) {
        NDArray logp = logits.logSoftmax(-1);
        return logp.gather(targets.expandDims(-1), -1).squeeze(-1).neg();
    }

    /** Mean of {@code perPosition} over the positions where {@code mask} is 1 (0 when the mask is empty). */
    public static NDArray maskedMean(NDArray perPosition, NDArray mask) {
        return perPosition.mul(mask).sum().div(Scalars.maximum(mask.sum(), 1f));
    }

    /**
     * Per sample: the fraction of its queries answered correctly by the arg-max prediction, and its number
     * of queries; returned as {@code [correct..., queries...]} rows of length B.
     */
    public static float[][] correctAndQueries(NDArray logits, NDArray targets, NDArray mask) {
        NDArray hit = logits.argMax(-1).eq(targets).toType(DataType.FLOAT32, false).mul(mask);
        return new float[][] {hit.sum(new int[] {1}).toFloatArray(), mask.sum(new int[] {1}).toFloatArray()};
    }

    /** Accuracy per sample (correct / queried), averaged over the samples that have queries (spec §1). */
    public static double accuracy(float[][] correctAndQueries) {
        double sum = 0;
        int n = 0;
        for (int s = 0; s < correctAndQueries[0].length; s++) {
            if (correctAndQueries[1][s] > 0) {
                sum += correctAndQueries[0][s] / correctAndQueries[1][s];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
