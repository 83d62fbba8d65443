package org.haxlab.viz.heatmap;

import org.haxlab.model.trace.Component;

import java.util.List;

/**
 * Colours of the sparse-pattern components (spec §3) and the rule for keys that several
 * components chose: the colour of the highest-priority component wins, and where a cell is big
 * enough the view splits it diagonally with the second component's colour (the "marker").
 *
 * <p>Priority puts the context-dependent components first (LSH, KS) because they are what the
 * views are meant to reveal; fixed ones (sink, dilated, window) and the dense fallback follow.
 */
public final class ComponentColors {
    /** Highest priority first. */
    public static final List<Component> PRIORITY = List.of(Component.LSH, Component.KS, Component.SINK,
            Component.DILATED, Component.WINDOW, Component.FULL);

    private ComponentColors() {
    }

    /** The Okabe-Ito colour of one component. */
    public static int of(Component c) {
        return switch (c) {
            case WINDOW -> Palettes.BLUE;
            case SINK -> Palettes.REDDISH_PURPLE;
            case DILATED -> Palettes.BLUISH_GREEN;
            case LSH -> Palettes.VERMILLION;
            case KS -> Palettes.ORANGE;
            case FULL -> Palettes.SKY_BLUE;
        };
    }

    /** The highest-priority component in {@code mask}, or null for an empty mask. */
    public static Component primary(int mask) {
        for (Component c : PRIORITY) {
            if (c.in(mask)) {
                return c;
            }
        }
        return null;
    }

    /** The second-highest-priority component in {@code mask}, or null when it has fewer than two. */
    public static Component secondary(int mask) {
        Component first = primary(mask);
        return first == null ? null : primary(mask & ~first.bit());
    }
}
