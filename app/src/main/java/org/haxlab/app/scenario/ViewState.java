package org.haxlab.app.scenario;

import org.haxlab.app.vm.View;

/**
 * Where the user was looking when the scenario was saved.
 *
 * @param tab          the open view
 * @param layer        the selected layer
 * @param hoveredQuery the hovered position, or null
 * @param pinnedQuery  the pinned position, or null
 * @param zoom         zoom of the matrix views (> 0)
 */
public record ViewState(View tab, int layer, Integer hoveredQuery, Integer pinnedQuery, double zoom) {

    public ViewState {
        if (tab == null) {
            throw new IllegalArgumentException("tab is required");
        }
        if (layer < 0) {
            throw new IllegalArgumentException("layer " + layer + " is negative");
        }
        if (hoveredQuery != null && hoveredQuery < 0 || pinnedQuery != null && pinnedQuery < 0) {
            throw new IllegalArgumentException("positions are 0-based and not negative");
        }
        if (!(zoom > 0) || Double.isInfinite(zoom)) {
            throw new IllegalArgumentException("zoom " + zoom + " must be a positive number");
        }
    }

    /** The first view (selected keys), layer 0, nothing hovered or pinned, zoom 1. */
    public static ViewState initial() {
        return new ViewState(View.SELECTION, 0, null, null, 1.0);
    }
}
