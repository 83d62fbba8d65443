package org.haxlab.viz.heatmap;

import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.shape.Rectangle;
import org.haxlab.model.trace.Component;

import java.util.List;

/**
 * A row of colour swatches naming the components (spec §3 ids), for the selection matrix. Its colours
 * ({@link ComponentColors}) are disjoint from the token-role colours of the strip.
 */
public class ComponentLegend extends FlowPane {

    /** A legend for every component, in priority order. */
    public ComponentLegend() {
        this(ComponentColors.PRIORITY);
    }

    /** A legend for the given components (for example those of the current pattern). */
    public ComponentLegend(List<Component> components) {
        setHgap(10);
        setVgap(4);
        for (Component c : components) {
            Rectangle swatch = new Rectangle(12, 12, Palettes.fx(ComponentColors.of(c)));
            Label l = new Label(c.id(), swatch);
            getChildren().add(l);
        }
        getChildren().add(new Label("several: 2nd colour in the lower-right half (zoomed)"));
    }

    /** The legend entries as text, in display order (for tests and exports). */
    public List<String> entries() {
        return getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }
}
