package org.haxlab.viz.buckets;

import org.haxlab.viz.heatmap.Palettes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The bin map's row order and pixels. */
class BucketRasterTest {

    @Test
    void rowsFollowTheFirstKeyThenQueriesOnlyBins() {
        // keys fall in bins 3, 1, 3; queries in 0, 1, 2: rows 3 -> 0, 1 -> 1, then query-only 0 -> 2, 2 -> 3
        int[] rowOf = BucketRaster.binRows(new int[] {0, 1, 2}, new int[] {3, 1, 3}, 5);
        assertArrayEquals(new int[] {2, 1, 3, 0, -1}, rowOf);
        assertEquals(4, BucketRaster.rowCount(rowOf));
        assertThrows(IllegalArgumentException.class, () -> BucketRaster.binRows(new int[] {7}, new int[] {0}, 5));
        assertThrows(IllegalArgumentException.class, () -> BucketRaster.binRows(new int[] {0}, new int[] {0, 1}, 5));
    }

    @Test
    void queriesSitInTheUpperHalfKeysInTheLowerHalfOfTheirBinsRow() {
        int[] q = {0, 1, 0};
        int[] k = {1, 0, 0};
        int[] rowOf = BucketRaster.binRows(q, k, 2);    // bin 1 (first key) -> row 0, bin 0 -> row 1
        int w = 3;
        int[] px = BucketRaster.binMap(q, k, rowOf, w, 4, -1, null);  // rows of 2 pixels: y 0-1 and 2-3
        int key1 = Palettes.category(1);
        int key0 = Palettes.category(0);
        assertEquals(key1, px[1 * w + 0], "key 0 (bin 1): lower half of row 0");
        assertEquals(BucketRaster.lighten(key0), px[2 * w + 0], "query 0 (bin 0): upper half of row 1");
        assertEquals(BucketRaster.lighten(key1), px[0 * w + 1], "query 1 (bin 1): upper half of row 0");
        assertEquals(key0, px[3 * w + 1], "key 1 (bin 0): lower half of row 1");
        assertEquals(BucketRaster.BACKGROUND, px[0 * w + 0], "nothing of position 0 in row 0's upper half");

        // hovering query 2 (bin 0, row 1): the row is highlighted, the query and its colliding keys are black
        int[] hover = BucketRaster.binMap(q, k, rowOf, w, 4, 2, new int[] {1, 2});
        assertEquals(BucketRaster.MARK, hover[2 * w + 2]);
        assertEquals(BucketRaster.MARK, hover[3 * w + 1]);
        assertEquals(BucketRaster.MARK, hover[3 * w + 2]);
        assertEquals(BucketRaster.HIGHLIGHT, hover[2 * w + 1], "empty cells of the hovered row are highlighted");
        assertEquals(BucketRaster.BACKGROUND, hover[0 * w + 0], "other rows are not");
    }

    @Test
    void manyBinsShareFewPixelsWithoutLosingRows() {
        assertEquals(0, BucketRaster.rowY0(0, 300, 100));
        assertEquals(99, BucketRaster.rowY1(299, 300, 100));
        for (int r = 0; r < 300; r++) {
            int y0 = BucketRaster.rowY0(r, 300, 100);
            assertEquals(true, y0 <= BucketRaster.rowY1(r, 300, 100), "row " + r);
            assertEquals(r * 100 / 300, y0);
        }
    }
}
