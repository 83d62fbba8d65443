package org.haxlab.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.haxlab.model.nd.HostReads;
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
        return split(HostReads.floats(correctAndQueriesOnDevice(logits, targets, mask)));
    }

    /**
     * {@link #correctAndQueries} left on the device: a (2 * B) float32 array, correct counts then query counts,
     * for a caller that reads it back together with other values (one read instead of several).
     */
    public static NDArray correctAndQueriesOnDevice(NDArray logits, NDArray targets, NDArray mask) {
        NDArray hit = logits.argMax(-1).eq(targets).toType(DataType.FLOAT32, false).mul(mask);
        return hit.sum(new int[] {1}).concat(mask.sum(new int[] {1}), 0);
    }

    /** The {@code [correct..., queries...]} rows of a host copy of {@link #correctAndQueriesOnDevice}. */
    public static float[][] split(float[] correctThenQueries) {
        if (correctThenQueries.length % 2 != 0) {
            throw new IllegalArgumentException("accuracy: " + correctThenQueries.length
                    + " values are not correct and query counts of equal length");
        }
        int b = correctThenQueries.length / 2;
        return new float[][] {java.util.Arrays.copyOfRange(correctThenQueries, 0, b),
                java.util.Arrays.copyOfRange(correctThenQueries, b, 2 * b)};
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
