package org.haxlab.viz.heatmap;

import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the mouse is over in a selection matrix: query row, key column and, when the key was
 * selected, the selecting components (bit mask) and the exact softmax weight.
 *
 * @param query      0-based query position (row)
 * @param key        0-based key position (column)
 * @param components {@link Component} bit mask, 0 when the key was not selected
 * @param weight     softmax weight, 0 when not selected
 */
public record CellHover(int query, int key, int components, float weight) {

    /** Looks up (query, key) in a selection. */
    public static CellHover of(AttentionSelection selection, int query, int key) {
        int e = selection.find(query, key);
        return e < 0 ? new CellHover(query, key, 0, 0f) : new CellHover(query, key, selection.components()[e],
                selection.weights()[e]);
    }

    /** True when the query selected this key. */
    public boolean selected() {
        return components != 0;
    }

    /** The selecting components in enum order. */
    public List<Component> componentList() {
        List<Component> out = new ArrayList<>();
        for (Component c : Component.values()) {
            if (c.in(components)) {
                out.add(c);
            }
        }
        return out;
    }

    /** One-line text for overlays: exact weight, component ids. */
    public String describe() {
        if (!selected()) {
            return String.format(Locale.ROOT, "query %d, key %d: not selected", query, key);
        }
        StringBuilder ids = new StringBuilder();
        for (Component c : componentList()) {
            ids.append(ids.length() == 0 ? "" : "+").append(c.id());
        }
        return String.format(Locale.ROOT, "query %d, key %d: %s, weight %.6f", query, key, ids, weight);
    }
}
