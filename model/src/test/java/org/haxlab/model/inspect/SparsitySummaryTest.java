package org.haxlab.model.inspect;

import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Component;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparsitySummaryTest {

    @Test
    void countsKeysPerQueryAndBudgetUsePerComponent() {
        // 4 queries: 0 empty, 1 one window key, 2 window + lsh on the same key, 3 two lsh keys and a window key
        AttentionSelection sel = new InspectionFixtures.Rows(4)
                .add(1, 0, Component.LSH, 1f)
                .add(2, 1, Component.LSH, 1f).add(2, 1, Component.KS, 1f)
                .add(3, 0, Component.LSH, 0.5f).add(3, 2, Component.LSH, 0.3f).add(3, 3, Component.KS, 0.2f)
                .build();
        SparseConfig hax = SparseConfig.paper(Pattern.HAX).withBudget(4);
        SparsitySummary s = SparsitySummary.of(sel, hax);
        assertEquals(4, s.queries());
        assertEquals(0, s.minKeys());
        assertEquals(3, s.maxKeys());
        assertEquals(5 / 4.0, s.meanKeys(), 1e-12);
        assertEquals(1, s.emptyRows());
        assertEquals(2, s.components().size());
        SparsitySummary.ComponentUse lsh = s.components().get(0);
        assertEquals(Component.LSH, lsh.component());
        assertEquals(2, lsh.perQuery());
        assertEquals(4 / 4.0, lsh.meanKeys(), 1e-12);
        assertEquals(2, lsh.maxKeys());
        assertEquals(0.5, lsh.use(), 1e-12);
        SparsitySummary.ComponentUse ks = s.components().get(1);
        assertEquals(2 / 4.0, ks.meanKeys(), 1e-12);
        assertEquals(0.25, ks.use(), 1e-12);
    }

    @Test
    void refusesComponentsThePatternLacks() {
        AttentionSelection sel = new InspectionFixtures.Rows(2).add(1, 0, Component.DILATED, 1f).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparsitySummary.of(sel, SparseConfig.paper(Pattern.SW)));
        assertEquals(true, e.getMessage().contains("dilated"));
    }

    @Test
    void emptySelectionIsAllZero() {
        SparsitySummary s = SparsitySummary.of(new InspectionFixtures.Rows(0).build(), SparseConfig.paper(Pattern.NONE));
        assertEquals(0, s.queries());
        assertEquals(0, s.maxKeys());
        assertEquals(0, s.components().size());
    }

    @Test
    void explicitBudgetsCountUnbudgetedComponentsInTheTotalsOnly() {
        AttentionSelection sel = new InspectionFixtures.Rows(2)
                .add(0, 0, Component.SINK, 1f)
                .add(1, 0, Component.SINK, 0.5f).add(1, 1, Component.WINDOW, 0.5f)
                .build();
        Map<Component, Integer> budgets = new LinkedHashMap<>();
        budgets.put(Component.WINDOW, 4);
        budgets.put(Component.LSH, 2);
        SparsitySummary s = SparsitySummary.of(sel, budgets);
        assertEquals(6, s.budget(), "k is the sum of the budgets");
        assertEquals(1.5, s.meanKeys(), 1e-12, "sink keys count in the totals");
        assertEquals(List.of(Component.WINDOW, Component.LSH),
                s.components().stream().map(SparsitySummary.ComponentUse::component).toList());
        assertEquals(0.5 / 4, s.use(Component.WINDOW).use(), 1e-12);
        assertEquals(0, s.use(Component.LSH).use(), 0);
        assertNull(s.use(Component.SINK));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparsitySummary.of(sel, Map.of(Component.KS, 0)));
        assertTrue(e.getMessage().contains("ks") && e.getMessage().contains(">= 1"), e.getMessage());
    }
}
