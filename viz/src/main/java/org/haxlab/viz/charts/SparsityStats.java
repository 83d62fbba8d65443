package org.haxlab.viz.charts;

import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Component;
import org.haxlab.viz.heatmap.ComponentColors;

import java.util.EnumMap;
import java.util.Map;

/**
 * Keys per query from an {@link AttentionSelection}: in total, per component (a key chosen by two
 * components counts for both), and per primary component (each key once, so the parts add up to
 * the total, which is what a stacked chart needs), plus each component's use of its budget (spec §3:
 * k split evenly over the pattern's components).
 *
 * @param total       keys per query
 * @param byComponent per component, keys per query that component chose
 * @param byPrimary   per component, keys per query whose highest-priority component it is
 */
public record SparsityStats(int[] total, Map<Component, int[]> byComponent, Map<Component, int[]> byPrimary) {

    /** Counts one selection. */
    public static SparsityStats of(AttentionSelection sel) {
        int n = sel.length();
        int[] total = new int[n];
        Map<Component, int[]> by = new EnumMap<>(Component.class);
        Map<Component, int[]> primary = new EnumMap<>(Component.class);
        for (Component c : Component.values()) {
            by.put(c, new int[n]);
            primary.put(c, new int[n]);
        }
        for (int i = 0; i < n; i++) {
            total[i] = sel.count(i);
            for (int e = sel.offsets()[i]; e < sel.offsets()[i + 1]; e++) {
                int mask = sel.components()[e];
                for (Component c : Component.values()) {
                    if (c.in(mask)) {
                        by.get(c)[i]++;
                    }
                }
                Component p = ComponentColors.primary(mask);
                if (p != null) {
                    primary.get(p)[i]++;
                }
            }
        }
        return new SparsityStats(total, by, primary);
    }

    /** Mean keys per query chosen by {@code c} (0 for an empty sequence). */
    public double mean(Component c) {
        int[] v = byComponent.get(c);
        return v.length == 0 ? 0 : java.util.Arrays.stream(v).average().orElse(0);
    }

    /** Mean keys per query over all components. */
    public double meanTotal() {
        return total.length == 0 ? 0 : java.util.Arrays.stream(total).average().orElse(0);
    }

    /**
     * Mean fraction of its budget a component fills: mean over queries of keys / budget. Early
     * queries have fewer admissible keys than the budget, so this stays below 1 even for a full pattern.
     */
    public double budgetUse(Component c, int budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("sparsity: budget of " + c.id() + " must be >= 1, got " + budget);
        }
        return mean(c) / budget;
    }
}
