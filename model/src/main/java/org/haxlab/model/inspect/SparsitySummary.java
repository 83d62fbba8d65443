package org.haxlab.model.inspect;

import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * How sparse one layer's attention was (spec §3: every pattern keeps at most k keys per query, k_c per
 * component): keys per query and how much of each component's budget its selections used.
 *
 * @param queries    rows summarised (the selection's length)
 * @param minKeys    fewest keys any query selected
 * @param meanKeys   mean keys per query
 * @param maxKeys    most keys any query selected
 * @param emptyRows  queries that selected no key ("no keys" rows, zero attention output)
 * @param budget     the total budget k
 * @param components one entry per component of the pattern, in the pattern's order
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
     * Summarises {@code selection} against the budget of {@code config}.
     *
     * @throws IllegalArgumentException when the selection has a component the pattern does not
     */
    public static SparsitySummary of(AttentionSelection selection, SparseConfig config) {
        List<Component> parts = config.pattern().components();
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
            java.util.Arrays.fill(row, 0);
            for (int e = selection.offsets()[i]; e < selection.offsets()[i + 1]; e++) {
                for (Component comp : Component.values()) {
                    if (comp.in(selection.components()[e])) {
                        if (!parts.contains(comp)) {
                            throw new IllegalArgumentException("selection of query " + i + " has component "
                                    + comp.id() + ", which pattern " + config.pattern().id() + " does not have");
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
        List<ComponentUse> uses = new ArrayList<>(parts.size());
        for (Component comp : parts) {
            uses.add(new ComponentUse(comp, config.perComponent(), n == 0 ? 0 : total[comp.ordinal()] / (double) n,
                    most[comp.ordinal()]));
        }
        return new SparsitySummary(n, min, n == 0 ? 0 : sum / (double) n, max, empty, config.budget(), uses);
    }
}
