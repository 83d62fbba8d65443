package org.haxlab.app.vm;

/**
 * One measured accuracy of the capacity view.
 *
 * @param model    the model's label
 * @param contexts n_c
 * @param keys     n_k
 * @param accuracy mean per-sample accuracy on the generated sequences
 * @param samples  how many sequences it was measured on
 */
public record CapacityPoint(String model, int contexts, int keys, double accuracy, int samples) {

    /** Table size n = n_c * n_k. */
    public int n() {
        return contexts * keys;
    }
}
