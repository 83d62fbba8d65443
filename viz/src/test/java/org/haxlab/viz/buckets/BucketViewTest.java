package org.haxlab.viz.buckets;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.haxlab.model.trace.LayerInspection;
import org.haxlab.viz.FxExtension;
import org.haxlab.viz.demo.SyntheticRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.haxlab.viz.FxExtension.onFx;
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
            Scene scene = new Scene(new StackPane(view), tokens.length * 2, 400);
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
            Scene scene = new Scene(new StackPane(view), tokens.length * 2, 400);
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
