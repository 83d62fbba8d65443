package org.haxlab.model.sparse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

import java.util.Random;

/**
 * What a training forward of one branch draws on the host from seeded {@code Random}s (so that every device
 * draws the same): the fresh LSH projection (N x h) and the KS ranking loss's picked keys (B x width, -1 in
 * unused slots). They travel to the device as one float array (positions are exact in float32 below 2^24),
 * and the model uploads every layer's draws of a step together ({@link SparseBranch#drawTrainingInputs},
 * {@link SparseBranch#stage}): on a GPU each upload from the host waits until the device has run everything
 * queued before it, so uploads made between layers would stall the step.
 *
 * @param seed       the pass's LSH seed
 * @param batch      B
 * @param length     L
 * @param projection N x h floats, or null without LSH
 * @param picks      per sequence the picked positions, or null without KS
 * @param width      slots per sequence of the picks (the longest list; 0 without KS)
 */
record TrainingDraws(long seed, int batch, int length, float[] projection, int[][] picks, int width) {

    /** Draws a training pass's projection and picks for {@code layer} (either may be absent). */
    static TrainingDraws draw(long seed, int layer, int batch, int length, int dState, int hashBits, boolean lsh,
                              boolean ks, int perComponent, float[] real) {
        long layerSeed = SparseBranch.trainingSeed(seed, layer);
        float[] projection = lsh ? LshBuckets.projection(layerSeed, dState, hashBits) : null;
        int[][] picks = null;
        int width = 0;
        if (ks) {
            Random pick = new Random(layerSeed + 0x2545F4914F6CDD1DL);
            picks = KeyScorer.pickKeys(real, batch, length, perComponent, pick);
            for (int[] p : picks) {
                width = Math.max(width, p.length);
            }
        }
        return new TrainingDraws(seed, batch, length, projection, picks, width);
    }

    /** Floats in {@link #packed}. */
    int packedLength() {
        return (projection == null ? 0 : projection.length) + batch * width;
    }

    /** The draws as one float array: the projection, then the (B, width) picks. */
    float[] packed() {
        int projected = projection == null ? 0 : projection.length;
        float[] out = new float[packedLength()];
        if (projection != null) {
            System.arraycopy(projection, 0, out, 0, projected);
        }
        if (picks != null && width > 0) {
            long[] slots = KeyScorer.packPicks(picks, length, width);
            for (int i = 0; i < slots.length; i++) {
                out[projected + i] = slots[i];
            }
        }
        return out;
    }

    /**
     * The device arrays of these draws from their uploaded {@link #packed} form: {projection (N, h) or null,
     * picks (B, width) int64 or null}.
     */
    NDArray[] unpack(NDArray uploaded, int dState, int hashBits) {
        long size = uploaded == null ? 0 : uploaded.getShape().size();
        if (size != packedLength()) {
            throw new IllegalArgumentException("training draws: " + size + " uploaded values for " + packedLength()
                    + " drawn");
        }
        int projected = projection == null ? 0 : projection.length;
        NDArray h = projection == null ? null : uploaded.get("0:" + projected).reshape(dState, hashBits);
        NDArray p = picks == null || width == 0 ? null
                : uploaded.get(projected + ":").reshape(batch, width).toType(DataType.INT64, false);
        return new NDArray[] {h, p};
    }
}
