package org.haxlab.model.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * One key a query attended to.
 *
 * @param key        0-based position of the key in the sequence the model saw (BOS = 0)
 * @param components bit mask of the {@link Component}s that selected it
 * @param weight     its softmax attention weight
 */
public record SelectedKey(int key, int components, float weight) {

    /** The selecting components, in enum order. */
    public List<Component> componentList() {
        List<Component> out = new ArrayList<>();
        for (Component c : Component.values()) {
            if (c.in(components)) {
                out.add(c);
            }
        }
        return out;
    }
}
