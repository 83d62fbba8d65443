package org.haxlab.model.task;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a {@link Dataset} over the (n_c, n_k) grid of a config's ranges, e.g. the paper's
 * {@code new DatasetBuilder(TaskConfig.paper(seed)).counts(10_000, 100, 100).build()}.
 * Building draws the held-out splits once (test first, then validation avoiding test) to learn
 * their fingerprints; training sequences are drawn on demand.
 */
public final class DatasetBuilder {
    private final TaskConfig config;
    private int train = 1000;
    private int validation = 100;
    private int test = 100;

    /** A builder over every (n_c, n_k) in {@code config}'s ranges. */
    public DatasetBuilder(TaskConfig config) {
        this.config = config;
    }

    /** Sequences per cell in each split; each at least 0, train and test not both 0. */
    public DatasetBuilder counts(int trainPerCell, int validationPerCell, int testPerCell) {
        if (trainPerCell < 0 || validationPerCell < 0 || testPerCell < 0) {
            throw new IllegalArgumentException("counts per cell must not be negative: " + trainPerCell + " / "
                    + validationPerCell + " / " + testPerCell);
        }
        this.train = trainPerCell;
        this.validation = validationPerCell;
        this.test = testPerCell;
        return this;
    }

    /** The grid, contexts-major: (minC, minK), (minC, minK + 1), ... */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (int c = config.minContexts(); c <= config.maxContexts(); c++) {
            for (int k = config.minKeys(); k <= config.maxKeys(); k++) {
                cells.add(new Cell(c, k));
            }
        }
        return cells;
    }

    /**
     * Draws the held-out splits and returns the dataset.
     *
     * @throws IllegalStateException when a cell has too few distinct sequences for disjoint splits
     */
    public Dataset build() {
        List<Cell> cells = cells();
        Set<Long> testPrints = new HashSet<>();
        Set<Long> heldOut = new HashSet<>();
        List<Set<Long>> avoid = new ArrayList<>(List.of(heldOut, testPrints, Set.of()));
        int[][] attempts = new int[Split.values().length][];
        attempts[Split.TEST.ordinal()] = new int[cells.size() * test];
        attempts[Split.VALIDATION.ordinal()] = new int[cells.size() * validation];
        Dataset ds = new Dataset(config, cells, train, validation, test, avoid, attempts);
        fill(ds, Split.TEST, test, cells.size(), attempts, testPrints);
        heldOut.addAll(testPrints);
        fill(ds, Split.VALIDATION, validation, cells.size(), attempts, heldOut);
        return ds;
    }

    private static void fill(Dataset ds, Split split, int count, int cells, int[][] attempts, Set<Long> prints) {
        for (int c = 0; c < cells; c++) {
            for (int i = 0; i < count; i++) {
                Dataset.Draw d = ds.drawAvoiding(split, c, i);
                attempts[split.ordinal()][c * count + i] = d.attempt();
                prints.add(Dataset.fingerprint(d.sequence()));
            }
        }
    }
}
