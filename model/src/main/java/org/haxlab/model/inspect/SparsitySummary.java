package org.haxlab.model.inspect;

import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How sparse one layer's attention was (spec §3: every pattern keeps at most k keys per query, k_c per
 * component): keys per query and how much of each component's budget its selections used. The one
 * summary of a selection's sparsity: the view model, the sparsity chart and its bars all read it.
 *
 * @param queries    rows summarised (the selection's length)
 * @param minKeys    fewest keys any query selected
 * @param meanKeys   mean keys per query
 * @param maxKeys    most keys any query selected
 * @param emptyRows  queries that selected no key ("no keys" rows, zero attention output)
 * @param budget     the total budget k
 * @param components one entry per budgeted component (the pattern's, in its order)
 */
public record SparsitySummary(int queries, int minKeys, double meanKeys, int maxKeys, int emptyRows, int budget,
                              List<ComponentUse> components) {

    public SparsitySummary {
        components = List.copyOf(components);
    }

    /**
     * One component's use of its share k_c.
     *
     * @param component   which component
     * @param perQuery    budget k_c of this component
     * @param meanKeys    mean keys per query this component selected (a key selected by two components counts for both)
     * @param maxKeys     most keys one query got from it
     */
    public record ComponentUse(Component component, int perQuery, double meanKeys, int maxKeys) {

        /** Mean fraction of k_c used, meanKeys / k_c. */
        public double use() {
            return perQuery == 0 ? 0 : meanKeys / perQuery;
        }
    }

    /**
     * Summarises {@code selection} against the budget of {@code config}: one entry per component of its
     * pattern, each with k_c.
     *
     * @throws IllegalArgumentException when the selection has a component the pattern does not
     */
    public static SparsitySummary of(AttentionSelection selection, SparseConfig config) {
        Map<Component, Integer> budgets = new LinkedHashMap<>();
        for (Component c : config.pattern().components()) {
            budgets.put(c, config.perComponent());
        }
        return summarise(selection, budgets, config.budget(), config.pattern().id());
    }

    /**
     * Summarises {@code selection} against explicit per-component budgets (in the map's order; k is their
     * sum). Keys of components without a budget count in the totals only: for selections that no single
     * pattern made, such as hand-built or synthetic ones.
     *
     * @throws IllegalArgumentException when a budget is below 1
     */
    public static SparsitySummary of(AttentionSelection selection, Map<Component, Integer> budgets) {
        int k = 0;
        for (Map.Entry<Component, Integer> e : budgets.entrySet()) {
            if (e.getValue() == null || e.getValue() < 1) {
                throw new IllegalArgumentException("sparsity: budget of " + e.getKey().id() + " must be >= 1, got "
                        + e.getValue());
            }
            k += e.getValue();
        }
        return summarise(selection, budgets, k, null);
    }

    /** Counts once over the selection; {@code pattern} non-null makes a component outside {@code budgets} an error. */
    private static SparsitySummary summarise(AttentionSelection selection, Map<Component, Integer> budgets, int budget,
                                             String pattern) {
        int n = selection.length();
        int[] total = new int[Component.values().length];
        int[] most = new int[Component.values().length];
        int min = n == 0 ? 0 : Integer.MAX_VALUE;
        int max = 0;
        int empty = 0;
        long sum = 0;
        int[] row = new int[Component.values().length];
        for (int i = 0; i < n; i++) {
            int c = selection.count(i);
            min = Math.min(min, c);
            max = Math.max(max, c);
            sum += c;
            if (c == 0) {
                empty++;
            }
            Arrays.fill(row, 0);
            for (int e = selection.offsets()[i]; e < selection.offsets()[i + 1]; e++) {
                for (Component comp : Component.values()) {
                    if (comp.in(selection.components()[e])) {
                        if (pattern != null && !budgets.containsKey(comp)) {
                            throw new IllegalArgumentException("selection of query " + i + " has component "
                                    + comp.id() + ", which pattern " + pattern + " does not have");
                        }
                        row[comp.ordinal()]++;
                    }
                }
            }
            for (int k = 0; k < row.length; k++) {
                total[k] += row[k];
                most[k] = Math.max(most[k], row[k]);
            }
        }
        List<ComponentUse> uses = new ArrayList<>(budgets.size());
        for (Map.Entry<Component, Integer> e : budgets.entrySet()) {
            int comp = e.getKey().ordinal();
            uses.add(new ComponentUse(e.getKey(), e.getValue(), n == 0 ? 0 : total[comp] / (double) n, most[comp]));
        }
        return new SparsitySummary(n, min, n == 0 ? 0 : sum / (double) n, max, empty, budget, uses);
    }

    /** The use of {@code c}'s budget, or null when {@code c} has none here. */
    public ComponentUse use(Component c) {
        for (ComponentUse u : components) {
            if (u.component() == c) {
                return u;
            }
        }
        return null;
    }
}
