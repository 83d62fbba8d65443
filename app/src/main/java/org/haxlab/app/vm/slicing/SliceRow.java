package org.haxlab.app.vm.slicing;

import java.util.Locale;

/**
 * One slice: the queries that share a value of one dimension.
 *
 * @param dimension what was sliced by ({@link Slicer#REASON}, {@link Slicer#TABLE}, {@link Slicer#DISTANCE})
 * @param slice     the value ("other LSH bucket", "4 x 6", "32..63")
 * @param queries   queries in the slice
 * @param correct   of which answered right
 * @param total     queries over all sequences (for the share)
 * @param example   a wrong query of the slice when there is one, else its first query
 */
public record SliceRow(String dimension, String slice, int queries, int correct, int total, SliceExample example) {

    public SliceRow {
        if (queries < 1 || correct < 0 || correct > queries || total < queries) {
            throw new IllegalArgumentException("slice " + slice + ": " + correct + " of " + queries + " right, "
                    + total + " in all is not a count");
        }
    }

    /** Fraction answered right. */
    public double accuracy() {
        return (double) correct / queries;
    }

    /** Fraction of all queries that fall in this slice. */
    public double share() {
        return (double) queries / total;
    }

    /** "12 of 40 (30.0 %)". */
    public String accuracyText() {
        return String.format(Locale.ROOT, "%d of %d (%.1f %%)", correct, queries, 100 * accuracy());
    }
}
