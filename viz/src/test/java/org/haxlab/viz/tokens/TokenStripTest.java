package org.haxlab.viz.tokens;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.StackPane;
import org.haxlab.model.inspect.QueryPrediction;
import org.haxlab.model.task.TokenRole;
import org.haxlab.viz.fxtest.FxExtension;
import org.haxlab.viz.demo.SyntheticRecords;
import org.haxlab.viz.heatmap.Palettes;
import org.haxlab.viz.heatmap.Viewport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.haxlab.viz.fxtest.FxExtension.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(FxExtension.class)
class TokenStripTest {
    private static final float[] NO_LOGITS = new float[0];

    @Test
    void rasterPutsRolesHighlightsAndMarksInTheirBands() {
        int[] tokens = {1, 42, 26, 13, 4, 42, 26, 13};
        TokenRole[] roles = TokenRole.of(tokens, new int[] {6});
        List<QueryPrediction> preds = List.of(new QueryPrediction(6, 13, 14, 0.6f, 0.1f, NO_LOGITS));
        int[] px = TokenStripRaster.render(roles, Viewport.full(1, 8), 80, 20, Map.of(2, Palettes.BLACK), preds);
        int band = TokenStripRaster.bandHeight(20);
        assertEquals(RoleColors.of(TokenRole.CONTEXT), px[10 * 80 + 15]);
        assertEquals(RoleColors.of(TokenRole.QUERY), px[10 * 80 + 65], "the query key");
        assertEquals(RoleColors.of(TokenRole.ANSWER), px[10 * 80 + 75], "the value after it is its answer");
        assertEquals(RoleColors.of(TokenRole.VALUE), px[10 * 80 + 35], "a stored value");
        assertEquals(Palettes.BLACK, px[25], "highlight band above position 2");
        assertEquals(TokenStripRaster.BACKGROUND, px[15], "no highlight above position 1");
        assertEquals(TokenStripRaster.WRONG, px[(20 - band) * 80 + 65], "wrong mark below query 6");
    }

    @Test
    void aSingleHighlightSurvivesMoreTokensThanPixels() {
        TokenRole[] roles = TokenRole.of(new int[1058], new int[0]);
        int[] px = TokenStripRaster.render(roles, Viewport.full(1, 1058), 200, 10, Map.of(1000, Palettes.VERMILLION),
                List.of());
        boolean found = false;
        for (int x = 0; x < 200; x++) {
            found |= px[x] == Palettes.VERMILLION;
        }
        assertTrue(found);
    }

    @Test
    void snapshotAndHoverOfARealStrip() throws Exception {
        var insp = SyntheticRecords.inspection(5, 5, 0, 7);
        onFx(() -> {
            TokenStrip strip = new TokenStrip();
            strip.setInspection(insp);
            int n = insp.tokens().length;
            Scene scene = new Scene(new StackPane(strip), n * 2, 30);
            PixelReader r = scene.snapshot(null).getPixelReader();
            assertEquals(RoleColors.of(TokenRole.CONTEXT), r.getArgb(2 * 1 + 1, 15), "position 1 is a context");
            QueryPrediction first = insp.predictions().get(0);
            assertEquals(TokenRole.QUERY, strip.roles()[first.position()], "predictions mark the query keys");
            QueryPrediction q = insp.predictions().get(0);
            int markY = 30 - 1;
            assertEquals(q.correct() ? TokenStripRaster.CORRECT : TokenStripRaster.WRONG, r.getArgb(2 * q.position(), markY));
            strip.hoverAt(2 * q.position() + 1, 10);
            assertEquals(q.position(), strip.hoveredPositionProperty().get());
            assertTrue(strip.describe(q.position()).contains("expected "), strip.describe(q.position()));
            strip.hoverAt(-5, 10);
            assertEquals(-1, strip.hoveredPositionProperty().get());
            return null;
        });
    }
}
