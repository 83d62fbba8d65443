package org.haxlab.viz.heatmap;

import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Component;
import org.haxlab.viz.fxtest.FxExtension;
import org.haxlab.viz.demo.SyntheticRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.haxlab.viz.fxtest.FxExtension.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(FxExtension.class)
class SelectionMatrixViewTest {

    @Test
    void aSceneSnapshotShowsALoneKeyOfA1058LongSequenceIn256Pixels() throws Exception {
        AttentionSelection sel = SelectionRasterTest.only(1058, new int[][] {{1000, 3, Component.KS.bit()}},
                new float[] {1f});
        int pixel = onFx(() -> {
            SelectionMatrixView view = new SelectionMatrixView();
            view.setSelection(sel);
            StackPane root = new StackPane(view);
            Scene scene = new Scene(root, 256, 256);
            WritableImage img = scene.snapshot(null);
            return img.getPixelReader().getArgb((int) (3 / (1058 / 256.0)), (int) (1000 / (1058 / 256.0)));
        });
        assertEquals(ComponentColors.of(Component.KS), pixel);
    }

    @Test
    void hoverReportsTheExactCellAndLightsTheRowWithoutReRendering() throws Exception {
        int[] tokens = SyntheticRecords.jointRecallTokens(5, 5, 0, 1);
        int[] qb = SyntheticRecords.buckets(tokens.length, 16, 2);
        AttentionSelection sel = SyntheticRecords.selection(tokens.length, 8, 8, qb, qb, 3);
        onFx(() -> {
            SelectionMatrixView view = new SelectionMatrixView();
            view.setSelection(sel);
            Scene scene = new Scene(new StackPane(view), sel.length(), sel.length());
            WritableImage before = scene.snapshot(null);
            int renders = view.renderCount();
            int q = 100;
            int k = sel.keys()[sel.offsets()[q]];
            view.hoverAt(k + 0.5, q + 0.5);
            CellHover h = view.hoveredCellProperty().get();
            assertEquals(q, h.query());
            assertEquals(k, h.key());
            assertEquals(sel.weights()[sel.offsets()[q]], h.weight());
            assertEquals(sel.components()[sel.offsets()[q]], h.components());
            assertTrue(view.overlayText().startsWith(h.describe()), view.overlayText());
            assertTrue(view.overlayText().contains(sel.count(q) + " keys"), view.overlayText());
            WritableImage after = scene.snapshot(null);
            assertEquals(renders, view.renderCount(), "hover must not re-render the pixels");
            int x = sel.length() - 1;
            assertNotEquals(before.getPixelReader().getArgb(x, q), after.getPixelReader().getArgb(x, q),
                    "the hovered row is lit up");
            assertEquals(before.getPixelReader().getArgb(x, q - 10), after.getPixelReader().getArgb(x, q - 10));
            return null;
        });
    }

    @Test
    void zoomThenResetRestoresTheWholeMatrix() throws Exception {
        int[] qb = SyntheticRecords.buckets(300, 16, 2);
        AttentionSelection sel = SyntheticRecords.selection(300, 8, 8, qb, qb, 3);
        onFx(() -> {
            SelectionMatrixView view = new SelectionMatrixView();
            view.setSelection(sel);
            Scene scene = new Scene(new StackPane(view), 300, 300);
            scene.snapshot(null);
            view.zoomAt(150, 150, 4);
            assertEquals(75, view.viewportProperty().get().spanX(), 1e-9);
            scene.snapshot(null);
            view.resetView();
            assertTrue(view.viewportProperty().get().isFull());
            ColorBar bar = view.createWeightBar(Component.WINDOW);
            assertEquals("weight / row max", bar.labelTexts()[0]);
            assertEquals("1", bar.labelTexts()[1]);
            assertEquals("0", bar.labelTexts()[3]);
            return null;
        });
    }
}
