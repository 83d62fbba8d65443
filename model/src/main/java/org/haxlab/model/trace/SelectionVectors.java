package org.haxlab.model.trace;

import java.util.Arrays;
import java.util.Objects;

/**
 * What one layer's selection read (batch element 0), so that anyone can recompute its bins, scores and keys
 * independently: Q and K exactly as the branch hashed and scored them (K already divided by sqrt(N)), the
 * LSH projection in use and the rules of the variant. Immutable: the constructor copies the arrays and every
 * accessor returns a copy; equality is by content.
 *
 * @param length                  L
 * @param dState                  N, the width of every Q and K row
 * @param q                       L x N row-major
 * @param k                       L x N row-major, divided by sqrt(N)
 * @param projection              N x h row-major, the Gaussian projection this pass hashed with; empty without LSH
 * @param hashWidth               h, the projection's columns (0 without LSH)
 * @param paperVariant            true when the layer follows the released code's rules (spec §5): LSH centring
 *                                and KS normalisation along the sequence axis, empty rows reading everything
 * @param emptyRowsReadEverything true when a query with no selected key reads every position uniformly, future
 *                                positions included (the paper variant); false when its attention output is zero
 */
public record SelectionVectors(int length, int dState, float[] q, float[] k, float[] projection, int hashWidth,
                               boolean paperVariant, boolean emptyRowsReadEverything) {

    public SelectionVectors {
        if (q.length != length * dState || k.length != length * dState || projection.length != dState * hashWidth) {
            throw new IllegalArgumentException("selection vectors: " + q.length + " Q and " + k.length + " K values for "
                    + length + " x " + dState + ", " + projection.length + " projection values for " + dState + " x "
                    + hashWidth);
        }
        q = q.clone();
        k = k.clone();
        projection = projection.clone();
    }

    /** Q, L x N row-major (a copy). */
    @Override
    public float[] q() {
        return q.clone();
    }

    /** K divided by sqrt(N), L x N row-major (a copy). */
    @Override
    public float[] k() {
        return k.clone();
    }

    /** The N x h projection, row-major (a copy; empty without LSH). */
    @Override
    public float[] projection() {
        return projection.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SelectionVectors v && length == v.length && dState == v.dState && hashWidth == v.hashWidth
                && paperVariant == v.paperVariant && emptyRowsReadEverything == v.emptyRowsReadEverything
                && Arrays.equals(q, v.q) && Arrays.equals(k, v.k) && Arrays.equals(projection, v.projection);
    }

    @Override
    public int hashCode() {
        return Objects.hash(length, dState, hashWidth, paperVariant, emptyRowsReadEverything, Arrays.hashCode(q),
                Arrays.hashCode(k), Arrays.hashCode(projection));
    }

    @Override
    public String toString() {
        return "SelectionVectors[length=" + length + ", N=" + dState + ", h=" + hashWidth + ", paper=" + paperVariant
                + "]";
    }

    /** True when the layer hashed with a projection. */
    public boolean hasProjection() {
        return hashWidth > 0;
    }
}
