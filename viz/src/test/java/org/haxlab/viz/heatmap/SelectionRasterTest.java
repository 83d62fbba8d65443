package org.haxlab.viz.heatmap;

import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Component;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectionRasterTest {

    /** A selection where only the given (query, key, mask, weight) entries exist (ascending query). */
    static AttentionSelection only(int length, int[][] entries, float[] weights) {
        int[] offsets = new int[length + 1];
        int[] keys = new int[entries.length];
        int[] comps = new int[entries.length];
        for (int e = 0; e < entries.length; e++) {
            offsets[entries[e][0] + 1]++;
            keys[e] = entries[e][1];
            comps[e] = entries[e][2];
        }
        for (int i = 0; i < length; i++) {
            offsets[i + 1] += offsets[i];
        }
        return new AttentionSelection(length, offsets, keys, comps, weights);
    }

    @Test
    void aSingleKeySurvivesDownsamplingToFewerPixelsThanCells() {
        AttentionSelection sel = only(1058, new int[][] {{1000, 3, Component.LSH.bit()}}, new float[] {0.01f});
        int[] px = SelectionRaster.render(sel, Viewport.full(1058, 1058), 256, 256,
                new SelectionRaster.Style(SelectionRaster.WeightScale.ABSOLUTE, 0.3));
        int row = (int) (1000 / (1058 / 256.0));
        int col = (int) (3 / (1058 / 256.0));
        int c = px[row * 256 + col];
        assertNotEquals(SelectionRaster.CAUSAL, c);
        assertNotEquals(SelectionRaster.NON_CAUSAL, c);
        assertEquals(SelectionRaster.colour(Component.LSH, 0.3 + 0.7 * 0.01), c, "weight 0.01 drawn at floor 0.3");
        int coloured = 0;
        for (int p : px) {
            if (p != SelectionRaster.CAUSAL && p != SelectionRaster.NON_CAUSAL) {
                coloured++;
            }
        }
        assertTrue(coloured >= 1 && coloured <= 4, "one key covers at most a 2x2 pixel block, got " + coloured);
    }

    @Test
    void componentColoursLandInTheirCellsAndTheCausalMaskIsShaded() {
        int[][] e = {{2, 0, Component.SINK.bit()}, {2, 2, Component.WINDOW.bit()}, {3, 1, Component.KS.bit()}};
        AttentionSelection sel = only(4, e, new float[] {1f, 1f, 1f});
        int[] px = SelectionRaster.render(sel, Viewport.full(4, 4), 40, 40,
                new SelectionRaster.Style(SelectionRaster.WeightScale.ABSOLUTE, 0));
        assertEquals(ComponentColors.of(Component.SINK), px[25 * 40 + 5]);
        assertEquals(ComponentColors.of(Component.WINDOW), px[25 * 40 + 25]);
        assertEquals(ComponentColors.of(Component.KS), px[35 * 40 + 15]);
        assertEquals(SelectionRaster.CAUSAL, px[5 * 40 + 5], "(0,0) causal, not selected");
        assertEquals(SelectionRaster.NON_CAUSAL, px[5 * 40 + 35], "(0,3) is after the query");
    }

    @Test
    void severalComponentsShowThePriorityColourAndTheSecondAsAMarker() {
        int both = Component.WINDOW.bit() | Component.LSH.bit();
        AttentionSelection sel = only(2, new int[][] {{1, 1, both}}, new float[] {1f});
        SelectionRaster.Style s = new SelectionRaster.Style(SelectionRaster.WeightScale.ABSOLUTE, 0);
        int[] big = SelectionRaster.render(sel, Viewport.full(2, 2), 20, 20, s);
        assertEquals(ComponentColors.of(Component.LSH), big[11 * 20 + 11], "upper-left: LSH has priority");
        assertEquals(ComponentColors.of(Component.WINDOW), big[19 * 20 + 19], "lower-right: second component");
        int[] tiny = SelectionRaster.render(sel, Viewport.full(2, 2), 2, 2, s);
        assertEquals(ComponentColors.of(Component.LSH), tiny[3], "too small for a marker");
    }

    @Test
    void maxPoolKeepsTheStrongestEntryOfABlock() {
        AttentionSelection sel = only(4, new int[][] {{3, 0, Component.WINDOW.bit()}, {3, 1, Component.LSH.bit()}},
                new float[] {0.2f, 0.8f});
        int[] px = SelectionRaster.render(sel, Viewport.full(4, 4), 1, 1,
                new SelectionRaster.Style(SelectionRaster.WeightScale.ABSOLUTE, 0));
        assertEquals(SelectionRaster.colour(Component.LSH, 0.8f), px[0]);
    }

    @Test
    void rowMaxScaleMakesEachRowsStrongestKeyFullIntensity() {
        SelectionRaster.Style s = new SelectionRaster.Style(SelectionRaster.WeightScale.ROW_MAX, 0.2);
        assertEquals(1.0, SelectionRaster.intensity(s, 0.05f, 0.05f), 1e-9);
        assertEquals(0.2 + 0.8 * 0.5, SelectionRaster.intensity(s, 0.025f, 0.05f), 1e-6);
    }

    @Test
    void zoomedViewportDrawsOnlyItsCells() {
        AttentionSelection sel = only(100, new int[][] {{50, 10, Component.DILATED.bit()}, {90, 80, Component.FULL.bit()}},
                new float[] {1f, 1f});
        Viewport v = new Viewport(100, 100, 0, 40, 20, 20);
        int[] px = SelectionRaster.render(sel, v, 20, 20, new SelectionRaster.Style(SelectionRaster.WeightScale.ABSOLUTE, 0));
        assertEquals(ComponentColors.of(Component.DILATED), px[10 * 20 + 10]);
        for (int p : px) {
            assertNotEquals(ComponentColors.of(Component.FULL), p);
        }
    }

    @Test
    void badSizesAreRejectedWithTheReason() {
        AttentionSelection sel = only(4, new int[0][], new float[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SelectionRaster.render(sel, Viewport.full(5, 5), 10, 10, SelectionRaster.Style.defaults()));
        assertTrue(e.getMessage().contains("length 4"), e.getMessage());
    }
}
