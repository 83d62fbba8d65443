package org.haxlab.viz.buckets;

import org.haxlab.viz.heatmap.Palettes;
import org.haxlab.viz.heatmap.Viewport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BucketStatsTest {
    private final int[] q = {3, 1, 3, 0, 3};
    private final int[] k = {3, 3, 1, 3, 2};

    @Test
    void binsRoundUpToAPowerOfTwo() {
        assertEquals(4, BucketStats.bins(q, k));
        assertEquals(1, BucketStats.bins(new int[] {0}));
        assertEquals(256, BucketStats.bins(new int[] {255}));
    }

    @Test
    void occupancyCountsKeysPerBin() {
        assertArrayEquals(new int[] {0, 1, 1, 3}, BucketStats.occupancy(k, 4));
        assertEquals(3, BucketStats.usedBins(BucketStats.occupancy(k, 4)));
        assertThrows(IllegalArgumentException.class, () -> BucketStats.occupancy(k, 2));
    }

    @Test
    void collisionsRespectTheCausalMask() {
        assertArrayEquals(new int[] {0, 1}, BucketStats.collisions(q, k, 2, true));
        assertArrayEquals(new int[] {0, 1, 3}, BucketStats.collisions(q, k, 2, false));
        assertArrayEquals(new int[] {0, 1, 3}, BucketStats.collisions(q, k, 4, true));
    }

    @Test
    void changedFractionComparesTwoHashings() {
        assertEquals(0.4, BucketStats.changedFraction(new int[] {1, 2, 3, 4, 5}, new int[] {1, 0, 3, 0, 5}), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BucketStats.changedFraction(new int[2], new int[3]));
        assertEquals("bucket arrays differ in length: 2 vs 3", e.getMessage());
    }

    @Test
    void rasterColoursRowsByBinAndMarksCollisions() {
        int[] px = BucketRaster.strip(new int[][] {q, k}, Viewport.full(1, 5), 50, 23, new int[][] {{4}, {0, 1, 3}});
        int rh = BucketRaster.rowHeight(2, 23);
        assertEquals(Palettes.category(3), px[0 * 50 + 45], "query row, position 4, top");
        assertEquals(BucketRaster.MARK, px[(rh - 1) * 50 + 45], "hovered query marked");
        int keyTop = BucketRaster.rowTop(1, 2, 23);
        assertEquals(Palettes.category(1), px[keyTop * 50 + 25]);
        assertEquals(BucketRaster.MARK, px[(keyTop + rh - 1) * 50 + 35], "colliding key 3 marked");
        assertEquals(Palettes.category(1), px[(keyTop + rh - 1) * 50 + 25], "key 2 is in another bin");
    }

    @Test
    void histogramBarsScaleToTheFullestBin() {
        int[] px = BucketRaster.histogram(new int[] {0, 1, 1, 3}, 4, 9, -1, BucketHistogram.BAR, Palettes.BLACK);
        assertEquals(BucketHistogram.BAR, px[3], "fullest bin reaches the top");
        assertEquals(BucketRaster.BACKGROUND, px[4 * 4 + 1], "a 1/3 bar stays low");
        assertEquals(BucketHistogram.BAR, px[8 * 4 + 1]);
        assertEquals(BucketRaster.BACKGROUND, px[8 * 4], "empty bin");
    }
}
