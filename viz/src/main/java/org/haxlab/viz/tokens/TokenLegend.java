package org.haxlab.viz.tokens;

import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.shape.Rectangle;
import org.haxlab.model.task.TokenRole;
import org.haxlab.viz.heatmap.Palettes;

import java.util.ArrayList;
import java.util.List;

/** Swatches for the token roles ({@link RoleColors}) and the correct / wrong marks of {@link TokenStrip}. */
public class TokenLegend extends FlowPane {

    /** A legend of every role a valid sequence can hold and both marks. */
    public TokenLegend() {
        setHgap(10);
        setVgap(4);
        for (TokenRole r : RoleColors.LEGEND) {
            Rectangle swatch = new Rectangle(12, 12, Palettes.fx(RoleColors.of(r)));
            swatch.setStroke(javafx.scene.paint.Color.gray(0.6));
            getChildren().add(new Label(RoleColors.label(r), swatch));
        }
        getChildren().add(new Label("correct answer", new Rectangle(12, 4, Palettes.fx(TokenStripRaster.CORRECT))));
        getChildren().add(new Label("wrong answer", new Rectangle(12, 4, Palettes.fx(TokenStripRaster.WRONG))));
    }

    /** The legend entries as text (for tests and exports), in display order. */
    public List<String> entries() {
        List<String> out = new ArrayList<>();
        getChildren().forEach(n -> out.add(((Label) n).getText()));
        return out;
    }
}
