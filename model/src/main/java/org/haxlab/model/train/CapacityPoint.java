package org.haxlab.model.train;

/**
 * One measured accuracy at one table size: a point of a capacity curve (spec §1, capacity), as the
 * capacity view measures it and the capacity chart draws it.
 *
 * @param model    the model's label (one curve per label)
 * @param contexts n_c
 * @param keys     n_k
 * @param accuracy mean per-sample accuracy on the generated sequences
 * @param samples  how many sequences it was measured on
 */
public record CapacityPoint(String model, int contexts, int keys, double accuracy, int samples) {

    public CapacityPoint {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("capacity point: a model label is required");
        }
        if (contexts < 1 || keys < 1) {
            throw new IllegalArgumentException("capacity point of " + model + ": n_c=" + contexts + " and n_k=" + keys
                    + " must be >= 1");
        }
        if (samples < 0) {
            throw new IllegalArgumentException("capacity point of " + model + ": samples=" + samples + " must be >= 0");
        }
    }

    /** Table size n = n_c * n_k. */
    public int n() {
        return contexts * keys;
    }
}
