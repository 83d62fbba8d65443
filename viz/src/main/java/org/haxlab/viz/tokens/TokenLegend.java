package org.haxlab.viz.tokens;

import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.shape.Rectangle;
import org.haxlab.viz.heatmap.Palettes;

/** Swatches for the token roles and the correct / wrong marks of {@link TokenStrip}. */
public class TokenLegend extends FlowPane {

    /** A legend of every role and both marks. */
    public TokenLegend() {
        setHgap(10);
        setVgap(4);
        for (TokenRole r : TokenRole.values()) {
            getChildren().add(new Label(r.label(), new Rectangle(12, 12, Palettes.fx(r.argb()))));
        }
        getChildren().add(new Label("correct", new Rectangle(12, 4, Palettes.fx(TokenStripRaster.CORRECT))));
        getChildren().add(new Label("wrong", new Rectangle(12, 4, Palettes.fx(TokenStripRaster.WRONG))));
    }
}
