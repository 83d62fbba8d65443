package org.haxlab.viz.selection;

import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.haxlab.model.inspect.Inspection;
import org.haxlab.model.task.Vocabulary;
import org.haxlab.viz.fxtest.FxExtension;
import org.haxlab.viz.demo.SyntheticRecords;
import org.haxlab.viz.heatmap.AxisRuler;
import org.haxlab.viz.heatmap.SelectionMatrixView;
import org.haxlab.viz.heatmap.Viewport;
import org.haxlab.viz.tokens.TokenStrip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.haxlab.viz.fxtest.FxExtension.onFx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The strip under the matrix: cell i under column i at every zoom and pan, axes labelled at every zoom. */
@ExtendWith(FxExtension.class)
class AlignedSelectionTest {

    @Test
    void stripCellsStayUnderTheirColumnsAtEveryZoom() throws Exception {
        Inspection in = SyntheticRecords.inspection(4, 4, 0, 5);
        onFx(() -> {
            SelectionMatrixView matrix = new SelectionMatrixView();
            TokenStrip strip = new TokenStrip();
            AlignedSelection aligned = new AlignedSelection(matrix, strip, Vocabulary::name);
            aligned.setInspection(in);
            aligned.setLayer(in.layers().get(0));
            new Scene(new StackPane(aligned), 900, 700).snapshot(null);
            Bounds m = matrix.localToScene(matrix.getLayoutBounds());
            Bounds s = strip.localToScene(strip.getLayoutBounds());
            assertEquals(m.getMinX(), s.getMinX(), 0.5, "same left edge");
            assertEquals(m.getWidth(), s.getWidth(), 0.5, "same width");
            for (double[] zoom : List.of(new double[] {1, 0}, new double[] {3, 200}, new double[] {2.5, 700},
                    new double[] {4, 10})) {
                if (zoom[0] != 1) {
                    matrix.zoomAt(zoom[1], 300, zoom[0]);
                }
                aligned.layout();
                Viewport v = matrix.viewportProperty().get();
                assertEquals(v.x0(), strip.viewport().x0(), 1e-9, "strip starts at the matrix's first column");
                assertEquals(v.spanX(), strip.viewport().spanX(), 1e-9, "and shows as many columns");
                int w = (int) Math.floor(matrix.getWidth());
                for (double x = 0.5; x < w; x += 7) {
                    strip.hoverAt(x, 5);
                    assertEquals(v.colAt(x, w), strip.hoveredPositionProperty().get(),
                            "pixel " + x + " is one column in the matrix and in the strip (zoom " + zoom[0] + ")");
                }
                assertEquals(v.x0(), aligned.keyAxis().first(), 1e-9, "the key axis follows");
                assertEquals(v.y0(), aligned.queryAxis().first(), 1e-9, "the query axis follows");
                assertTrue(!aligned.keyAxis().visibleLabels().isEmpty(), "ticks at every zoom");
                assertTrue(!aligned.queryAxis().visibleLabels().isEmpty());
            }
            return null;
        });
    }

    @Test
    void axisShowsTokensWhenCellsAreWideAndRoundStepsOtherwise() throws Exception {
        Inspection in = SyntheticRecords.inspection(4, 4, 0, 5);
        onFx(() -> {
            SelectionMatrixView matrix = new SelectionMatrixView();
            AlignedSelection aligned = new AlignedSelection(matrix, new TokenStrip(), Vocabulary::name);
            aligned.setInspection(in);
            aligned.setLayer(in.layers().get(0));
            new Scene(new StackPane(aligned), 800, 600).snapshot(null);
            int n = in.tokens().length;
            List<String> full = aligned.keyAxis().visibleLabels();
            double cell = matrix.getWidth() / n;
            if (cell < 12) {
                assertTrue(aligned.keyAxis().visibleTokens().isEmpty(), "no tokens when narrow");
                int step = AxisRuler.step(cell, 7.0 * String.valueOf(n - 1).length() + 8);
                assertEquals(Integer.toString(step), full.get(1), "round steps: " + full);
            }
            // zoom until a column is at least 14 px wide: every visible column is labelled with its token
            while (matrix.getWidth() / matrix.viewportProperty().get().spanX() < 14
                    || matrix.getHeight() / matrix.viewportProperty().get().spanY() < 14) {
                matrix.zoomAt(10, 10, 1.5);
            }
            aligned.layout();
            Viewport v = matrix.viewportProperty().get();
            List<String> tokens = aligned.keyAxis().visibleTokens();
            int first = (int) Math.round(v.x0());
            int last = (int) Math.round(v.x0() + v.spanX());
            assertEquals(last - first, tokens.size(), "every visible column has its token: " + tokens);
            for (int i = first; i < last; i++) {
                assertEquals(Vocabulary.name(in.tokens()[i]), tokens.get(i - first), "column " + i);
            }
            assertTrue(!aligned.keyAxis().visibleLabels().isEmpty(), "and positions");
            assertTrue(aligned.queryAxis().visibleTokens().size() > 0, "rows too");
            return null;
        });
    }

    @Test
    void tickArithmetic() {
        assertEquals(1, AxisRuler.step(20, 15));
        assertEquals(2, AxisRuler.step(10, 15));
        assertEquals(5, AxisRuler.step(4, 15));
        assertEquals(50, AxisRuler.step(0.5, 22));
        assertArrayEquals(new int[] {20, 25, 30}, AxisRuler.ticks(17.5, 15, 100, 60, 15));
        assertArrayEquals(new int[0], AxisRuler.ticks(0, 10, 0, 100, 15));
    }
}
