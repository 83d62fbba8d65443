package org.haxlab.viz;

import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.haxlab.viz.fxtest.FxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Checks that the headless toolkit (Monocle, software Prism; see the parent pom's argLine) renders. */
@ExtendWith(FxExtension.class)
class MonocleSmokeTest {
    @Test
    void snapshotOfASceneHasTheDrawnColour() throws Exception {
        int argb = FxExtension.onFx(() -> {
            Rectangle r = new Rectangle(0, 0, 20, 20);
            r.setFill(Color.rgb(0, 114, 178));
            Pane p = new Pane(r);
            Scene s = new Scene(p, 40, 40, Color.WHITE);
            WritableImage img = s.snapshot(null);
            return img.getPixelReader().getArgb(5, 5);
        });
        assertEquals(0xFF0072B2, argb);
    }
}
