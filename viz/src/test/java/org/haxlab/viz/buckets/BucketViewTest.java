package org.haxlab.viz.buckets;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.haxlab.model.trace.LayerInspection;
import org.haxlab.viz.fxtest.FxExtension;
import org.haxlab.viz.heatmap.AxisRuler;
import org.haxlab.viz.demo.SyntheticRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.haxlab.viz.fxtest.FxExtension.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(FxExtension.class)
class BucketViewTest {
    @Test
    void beforeAfterReportsChangedBinsAndHoverFindsCollisions() throws Exception {
        int[] tokens = SyntheticRecords.jointRecallTokens(5, 5, 0, 1);
        LayerInspection a = SyntheticRecords.layer(0, tokens, 16, 100);
        LayerInspection b = SyntheticRecords.layer(0, tokens, 16, 200);
        double changed = 100 * BucketStats.changedFraction(a.qBucket(), b.qBucket());
        onFx(() -> {
            BucketView view = new BucketView();
            view.setInspections(a, b);
            Scene scene = new Scene(new StackPane(view), tokens.length * 2 + AxisRuler.VERTICAL_WIDTH, 600);
            scene.snapshot(null);
            assertTrue(view.summaryText().contains(String.format(java.util.Locale.ROOT, "%.1f%%", changed)),
                    view.summaryText());
            int p = 80;
            view.hoverAt(2 * p + 1, 5);
            assertEquals(p, view.hoveredQueryProperty().get());
            int hits = BucketStats.collisions(a.qBucket(), a.kBucket(), p, true).length;
            assertTrue(view.infoText().contains(hits + " keys up to here"), view.infoText());
            scene.snapshot(null);
            return null;
        });
    }

    @Test
    void bothLayoutsRenderAndHoverTheSameWay() throws Exception {
        int[] tokens = SyntheticRecords.jointRecallTokens(5, 5, 0, 1);
        LayerInspection a = SyntheticRecords.layer(0, tokens, 16, 100);
        onFx(() -> {
            BucketView view = new BucketView();
            assertEquals(BucketView.Layout.BY_BIN, view.getLayout(), "by bin is the default");
            view.setInspection(a);
            Scene scene = new Scene(new StackPane(view), tokens.length * 2 + AxisRuler.VERTICAL_WIDTH, 600);
            for (BucketView.Layout layout : BucketView.Layout.values()) {
                view.setLayout(layout);
                scene.snapshot(null);
                view.hoverAt(2 * 40 + 1, 5);
                assertEquals(40, view.hoveredQueryProperty().get(), layout.toString());
                assertTrue(view.infoText().startsWith("pos 40: query bin " + a.qBucket()[40]), view.infoText());
                scene.snapshot(null);
            }
            return null;
        });
    }

    @Test
    void binMapHasAxesAtEveryZoomAndTheHistogramALegendAndRoom() throws Exception {
        int[] tokens = SyntheticRecords.jointRecallTokens(5, 5, 0, 1);
        LayerInspection a = SyntheticRecords.layer(0, tokens, 16, 100);
        onFx(() -> {
            BucketView view = new BucketView();
            view.setInspection(a);
            view.setTokens(tokens, org.haxlab.model.task.Vocabulary::name);
            Scene scene = new Scene(new StackPane(view), 1280 - 300, 560);
            scene.snapshot(null);
            assertTrue(!view.positionAxis().visibleLabels().isEmpty(), "positions under the bin rows");
            AxisRuler bins = view.binAxes().get(0);
            int used = BucketRaster.rowCount(BucketRaster.binRows(a.qBucket(), a.kBucket(), 16));
            assertTrue(!bins.visibleLabels().isEmpty() && bins.visibleLabels().get(0).startsWith("bin "), bins.visibleLabels().toString());
            assertEquals("bin " + a.kBucket()[0], bins.visibleLabels().get(0), "the first row is the first key's bin");
            assertTrue(bins.visibleLabels().size() <= used);
            // zoom until a position is wide enough for its token: the axis follows and names them
            for (int i = 0; i < 12; i++) {
                view.zoomAt(10, 1.5);
            }
            scene.snapshot(null);
            var v = view.viewport();
            assertEquals(v.x0(), view.positionAxis().first(), 1e-9);
            var names = view.positionAxis().visibleTokens();
            assertTrue(!names.isEmpty(), "tokens on the zoomed axis");
            int firstShown = (int) Math.round(v.x0());
            assertEquals(org.haxlab.model.task.Vocabulary.name(tokens[firstShown]), names.get(0));
            // the histogram: fixed colours with a legend, the hovered query's bin black, and not squeezed
            BucketHistogram h = view.histogram();
            assertEquals(java.util.List.of("keys in a bin", "the hovered query's bin"), h.legendEntries());
            assertTrue(h.barsHeight() >= BucketHistogram.MIN_BARS_HEIGHT - 0.5, "bars " + h.barsHeight() + " px high");
            view.hoverPosition(40);
            assertEquals(40, view.hoveredQueryProperty().get());
            return null;
        });
    }

    @Test
    void histogramColoursAreFixedAndTheQueryBinIsMarked() {
        int[] px = BucketRaster.histogram(new int[] {1, 3, 0, 2}, 40, 30, 3, BucketHistogram.BAR, BucketHistogram.QUERY_BIN);
        assertEquals(BucketHistogram.BAR, px[29 * 40 + 5], "bin 0");
        assertEquals(BucketHistogram.BAR, px[0 * 40 + 15], "bin 1 is the tallest: full height");
        assertEquals(BucketRaster.BACKGROUND, px[29 * 40 + 25], "bin 2 is empty");
        assertEquals(BucketHistogram.QUERY_BIN, px[29 * 40 + 35], "bin 3 holds the query");
        assertEquals(BucketRaster.BACKGROUND, px[5 * 40 + 35], "at 2/3 of the height");
    }

    @Test
    void aLayerWithoutLshSaysSo() throws Exception {
        int[] tokens = SyntheticRecords.jointRecallTokens(5, 5, 0, 1);
        LayerInspection l = SyntheticRecords.layer(1, tokens, 16, 100);
        LayerInspection none = new LayerInspection(1, new int[0], new int[0], new float[0], l.selection(), l.attnNorm(),
                l.ssmNorm(), l.decay());
        String text = onFx(() -> {
            BucketView view = new BucketView();
            view.setInspection(none);
            new Scene(new StackPane(view), 300, 200).snapshot(null);
            return view.summaryText();
        });
        assertEquals("layer 1 has no LSH buckets", text);
    }
}
