package org.haxlab.model.train;

import java.util.List;

/**
 * An evaluation over a list of sequences.
 *
 * @param loss      masked cross-entropy averaged over every query of every sequence
 * @param accuracy  per-sample accuracy averaged over the sequences (spec §1)
 * @param samples   sequences evaluated
 * @param cells     the same accuracy per (n_c, n_k) table size, sorted by n_c then n_k
 */
public record EvalResult(double loss, double accuracy, int samples, List<Cell> cells) {

    /**
     * Accuracy of the sequences of one table size.
     *
     * @param contexts n_c
     * @param keys     n_k
     * @param samples  sequences of this size
     * @param accuracy their mean per-sample accuracy
     */
    public record Cell(int contexts, int keys, int samples, double accuracy) {
    }
}
