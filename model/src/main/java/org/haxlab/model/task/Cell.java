package org.haxlab.model.task;

/**
 * One (n_c, n_k) point of a dataset grid.
 *
 * @param contexts n_c
 * @param keys     n_k
 */
public record Cell(int contexts, int keys) {

    public Cell {
        if (contexts < 1 || keys < 1) {
            throw new IllegalArgumentException("cell (" + contexts + ", " + keys + ") needs n_c >= 1 and n_k >= 1");
        }
    }

    @Override
    public String toString() {
        return "(n_c " + contexts + ", n_k " + keys + ")";
    }
}
