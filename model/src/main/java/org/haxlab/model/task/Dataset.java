package org.haxlab.model.task;

import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Train / validation / test sequences over an (n_c, n_k) grid, with fixed counts per cell and
 * no sequence shared between splits (spec §1: 10,000 / 100 / 100 per cell, no duplicates).
 *
 * <p>Sequences are regenerated on demand from seeds derived from (seed, split, cell, index), so
 * even the paper's 1.44 million training sequences cost no memory; only 64-bit fingerprints of
 * the held-out sequences are kept. A draw that collides with a held-out sequence is redrawn with
 * the next attempt seed (a rare fingerprint collision only redraws once more: never a leak).
 * Indices are cell-major: index i lies in cell i / count. Build one with {@link DatasetBuilder}.
 */
public final class Dataset {
    /** Redraws tried before a cell is declared too small for the requested disjoint splits. */
    static final int MAX_ATTEMPTS = 1000;

    private final TaskConfig config;
    private final List<Cell> cells;
    private final int[] counts = new int[Split.values().length];
    private final RecallGenerator generator;
    /** Fingerprints a split must avoid: TEST avoids nothing, VALIDATION avoids TEST, TRAIN avoids both. */
    private final List<Set<Long>> avoid;
    /** Attempt that produced each held-out sequence, so lookups need not redraw. */
    private final int[][] heldOutAttempts;

    Dataset(TaskConfig config, List<Cell> cells, int train, int validation, int test, List<Set<Long>> avoid,
            int[][] heldOutAttempts) {
        this.config = config;
        this.cells = List.copyOf(cells);
        counts[Split.TRAIN.ordinal()] = train;
        counts[Split.VALIDATION.ordinal()] = validation;
        counts[Split.TEST.ordinal()] = test;
        this.generator = RecallGenerator.of(config);
        this.avoid = avoid;
        this.heldOutAttempts = heldOutAttempts;
    }

    /** The config the sequences follow (its n_c, n_k ranges span the grid). */
    public TaskConfig config() {
        return config;
    }

    /** The grid, in index order. */
    public List<Cell> cells() {
        return cells;
    }

    /** Sequences per cell in {@code split}. */
    public int perCell(Split split) {
        return counts[split.ordinal()];
    }

    /** Sequences in {@code split}: cells x per-cell count. */
    public long size(Split split) {
        return (long) cells.size() * counts[split.ordinal()];
    }

    /** Padded length of every batch: the longest sequence the grid can hold, or the config's length. */
    public int paddedLength() {
        return Layout.maxLength(config);
    }

    /** The cell of sequence {@code index} of {@code split}. */
    public Cell cell(Split split, long index) {
        checkIndex(split, index);
        return cells.get((int) (index / counts[split.ordinal()]));
    }

    /** Sequence {@code index} of {@code split}; the same every call. */
    public RecallSequence get(Split split, long index) {
        checkIndex(split, index);
        int cellIndex = (int) (index / counts[split.ordinal()]);
        int within = (int) (index % counts[split.ordinal()]);
        if (split != Split.TRAIN) {
            return draw(split, cellIndex, within, heldOutAttempts[split.ordinal()][(int) index]);
        }
        return drawAvoiding(split, cellIndex, within).sequence;
    }

    /** Sequences {@code indices} of {@code split} as one padded batch on {@code manager}. */
    public Batch batch(Split split, long[] indices, NDManager manager) {
        List<RecallSequence> list = new ArrayList<>(indices.length);
        for (long i : indices) {
            list.add(get(split, i));
        }
        return Batch.of(list, paddedLength(), manager);
    }

    /** Every sequence of a held-out split (validation or test), in index order. */
    public List<RecallSequence> all(Split split) {
        if (size(split) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(split + " has " + size(split) + " sequences: read them by index");
        }
        List<RecallSequence> out = new ArrayList<>((int) size(split));
        for (long i = 0; i < size(split); i++) {
            out.add(get(split, i));
        }
        return out;
    }

    /** Result of one draw and the attempt that gave it. */
    record Draw(RecallSequence sequence, int attempt) {
    }

    /** The first attempt for this slot whose fingerprint the split must not avoid. */
    Draw drawAvoiding(Split split, int cellIndex, int within) {
        Set<Long> banned = avoid.get(split.ordinal());
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            RecallSequence s = draw(split, cellIndex, within, attempt);
            if (!banned.contains(fingerprint(s))) {
                return new Draw(s, attempt);
            }
        }
        throw new IllegalStateException("cell " + cells.get(cellIndex) + " has too few distinct sequences: "
                + MAX_ATTEMPTS + " draws for " + split + " all repeat held-out ones; ask for fewer held-out sequences");
    }

    private RecallSequence draw(Split split, int cellIndex, int within, int attempt) {
        Cell cell = cells.get(cellIndex);
        long s = mix(mix(mix(mix(config.seed(), split.ordinal()), cellIndex), within), attempt);
        return generator.generate(cell.contexts(), cell.keys(), new SplittableRandom(s));
    }

    private void checkIndex(Split split, long index) {
        if (index < 0 || index >= size(split)) {
            throw new IndexOutOfBoundsException(split + " index " + index + " is outside 0.." + (size(split) - 1));
        }
    }

    /** A 64-bit fingerprint of the tokens (SplitMix64-style mixing of each id into the running hash). */
    static long fingerprint(RecallSequence s) {
        long h = s.length();
        for (int i = 0; i < s.length(); i++) {
            h = mix(h, s.token(i));
        }
        return h;
    }

    /** Combines {@code h} and {@code v} with the SplitMix64 finaliser: distinct inputs, well-spread seeds. */
    static long mix(long h, long v) {
        long z = h * 0x9E3779B97F4A7C15L + v + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
