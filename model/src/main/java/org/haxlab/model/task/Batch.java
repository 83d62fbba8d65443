package org.haxlab.model.task;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.haxlab.model.nd.HostArrays;

import java.util.List;

/**
 * Sequences right-padded to one length, as DJL arrays for training and evaluation.
 *
 * @param tokens    (B, L) int64 inputs, PAD after each sequence's end
 * @param targets   (B, L) int64 target at every position: the expected value at query positions, PAD elsewhere
 * @param lossMask  (B, L) float32, 1 exactly at the inquiry key positions
 * @param padMask   (B, L) float32, 1 at real tokens, 0 at padding
 * @param size      B
 * @param length    L
 * @param padFlags  host copy of {@code padMask} (B * L, row-major): what a training step draws the KS ranking
 *                  loss's keys from, so that it never reads the device mask back
 */
public record Batch(NDArray tokens, NDArray targets, NDArray lossMask, NDArray padMask, int size, int length,
                    float[] padFlags) {

    /**
     * Collates {@code sequences} into arrays of {@code length} columns on {@code manager}.
     *
     * @throws IllegalArgumentException when there are no sequences, {@code length} is not positive,
     *                                  or a sequence is longer than {@code length}
     */
    public static Batch of(List<RecallSequence> sequences, int length, NDManager manager) {
        return collate(sequences, length, manager, false);
    }

    /**
     * The released code's collation (spec §5): every sequence right-padded to the task's fixed length (at least
     * the longest sequence given) and fed without the last column, as its {@code inputs[:, :-1]}; so a sequence
     * of the full length loses its final token, the answer to its last query, which no input position needs
     * (the targets carry it). A 2..4 x 2..4 grid (74 tokens) gives 73 columns.
     *
     * @throws IllegalArgumentException when there are no sequences or {@code fixedLength < 2}
     */
    public static Batch released(List<RecallSequence> sequences, int fixedLength, NDManager manager) {
        if (fixedLength < 2) {
            throw new IllegalArgumentException("fixed length " + fixedLength + " must be >= 2 (one column is dropped)");
        }
        int longest = sequences.stream().mapToInt(RecallSequence::length).max().orElse(fixedLength);
        return collate(sequences, Math.max(fixedLength, longest) - 1, manager, true);
    }

    /** Builds the arrays; with {@code dropsLast} a sequence one token longer than {@code length} loses its last token. */
    private static Batch collate(List<RecallSequence> sequences, int length, NDManager manager, boolean dropsLast) {
        int b = sequences.size();
        if (b == 0) {
            throw new IllegalArgumentException("cannot batch zero sequences");
        }
        if (length < 1) {
            throw new IllegalArgumentException("padded length " + length + " must be positive");
        }
        // one flat host array per tensor; refuse sizes that would overflow an int index
        int cellsTotal = Math.multiplyExact(b, length);
        long[] tok = new long[cellsTotal];
        long[] tgt = new long[cellsTotal];
        float[] loss = new float[cellsTotal];
        float[] pad = new float[cellsTotal];
        java.util.Arrays.fill(tok, Vocabulary.PAD);
        java.util.Arrays.fill(tgt, Vocabulary.PAD);
        for (int s = 0; s < b; s++) {
            RecallSequence seq = sequences.get(s);
            if (seq.length() > length + (dropsLast ? 1 : 0)) {
                throw new IllegalArgumentException("sequence " + s + " has " + seq.length()
                        + " tokens, more than the padded length " + length);
            }
            int row = s * length;
            for (int i = 0; i < Math.min(length, seq.length()); i++) {
                tok[row + i] = seq.token(i);
                pad[row + i] = 1f;
            }
            int[] qp = seq.queryPositions();
            int[] ex = seq.expected();
            for (int q = 0; q < qp.length; q++) {
                tgt[row + qp[q]] = ex[q];
                loss[row + qp[q]] = 1f;
            }
        }
        Shape shape = new Shape(b, length);
        // engine-owned copies: autograd may keep these after the Java arrays are gone (see HostArrays)
        return new Batch(HostArrays.longs(manager, tok, shape), HostArrays.longs(manager, tgt, shape),
                HostArrays.floats(manager, loss, shape), HostArrays.floats(manager, pad, shape), b, length, pad);
    }
}
