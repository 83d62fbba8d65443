package org.haxlab.viz.charts;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.haxlab.model.inspect.SparsitySummary;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Component;
import org.haxlab.model.train.CapacityPoint;
import org.haxlab.viz.fxtest.FxExtension;
import org.haxlab.viz.demo.SyntheticRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.haxlab.viz.fxtest.FxExtension.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(FxExtension.class)
class ChartsTest {
    @Test
    void capacityBoundIsTwoToTheBitsOverVToTheN() {
        assertEquals(1.0, CapacityBound.maxAccuracy(64, 16, 16), 0, "64 bits hold 16 values of 4 bits");
        assertEquals(Math.pow(2, -4), CapacityBound.maxAccuracy(64, 16, 17), 1e-15);
        assertEquals(Math.pow(2, 10 - 4 * 1000.0), CapacityBound.maxAccuracy(10, 16, 1000), 0);
        assertEquals(16.0, CapacityBound.breakEven(64, 16), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> CapacityBound.maxAccuracy(8, 1, 3));
    }

    @Test
    void sparsityCountsOverlapsPerComponentButStacksEachKeyOnceUnderItsPrimary() {
        int both = Component.WINDOW.bit() | Component.LSH.bit();
        AttentionSelection sel = new AttentionSelection(2, new int[] {0, 1, 3}, new int[] {0, 0, 1},
                new int[] {Component.SINK.bit(), Component.SINK.bit(), both}, new float[] {1f, 0.5f, 0.5f});
        Map<Component, int[]> stacked = SparsityChart.keysByPrimary(sel);
        assertEquals(1, stacked.get(Component.LSH)[1]);
        assertEquals(0, stacked.get(Component.WINDOW)[1], "LSH has priority");
        assertEquals(1, stacked.get(Component.SINK)[1]);
        SparsitySummary s = SparsitySummary.of(sel, Map.of(Component.SINK, 4, Component.WINDOW, 2));
        assertEquals(1.5, s.meanKeys(), 1e-12);
        assertEquals(1.0 / 4, s.use(Component.SINK).use(), 1e-12);
        assertEquals(0.5 / 2, s.use(Component.WINDOW).use(), 1e-12, "the shared key counts for the window too");
        assertNull(s.use(Component.LSH), "no budget, no bar");
    }

    @Test
    void sparsityAndCapacityChartsHoldTheirData() throws Exception {
        int[] qb = SyntheticRecords.buckets(200, 8, 1);
        AttentionSelection sel = SyntheticRecords.selection(200, 16, 16, qb, qb, 2);
        onFx(() -> {
            SparsityChart sc = new SparsityChart();
            sc.setSelection(sel, Map.of(Component.WINDOW, 16, Component.LSH, 16));
            new Scene(new StackPane(sc), 600, 500).snapshot(null);
            assertEquals(3, sc.perQueryDataset().getSeriesCount(), "lsh, sink, window");
            double stack = 0;
            for (int s = 0; s < 3; s++) {
                stack += sc.perQueryDataset().getYValue(s, 150);
            }
            assertEquals(sel.count(150), stack, 0);
            assertEquals(2, sc.budgetUseDataset().getRowCount());
            assertEquals(sc.summary().use(Component.LSH).use(),
                    sc.budgetUseDataset().getValue("lsh (k_c=16)", "budget use").doubleValue(), 0);

            CapacityChart cc = new CapacityChart();
            cc.setPoints(List.of(new CapacityPoint("Mamba-2", 5, 5, 0.9, 8), new CapacityPoint("Mamba-2", 16, 16, 0.3, 8)));
            cc.setBound(1024, 16);
            new Scene(new StackPane(cc), 600, 400).snapshot(null);
            assertEquals(2, cc.dataset().getSeriesCount());
            assertEquals(256.0, cc.dataset().getXValue(0, 1), 0);
            assertEquals(1.0, cc.dataset().getYValue(1, 256), 0, "1024 bits hold n = 256 at |V| = 16");
            assertTrue(cc.dataset().getYValue(1, 300) < 1e-50);
            assertEquals(List.of("chance guessing a value: 1/|V| = 1/16"), cc.chanceLabels());
            cc.setAnswerTokens(100);
            assertEquals(List.of("chance guessing a value: 1/|V| = 1/16", "chance guessing any token: 1/100"),
                    cc.chanceLabels(), "says what chance means when predictions range over every token");
            assertThrows(IllegalArgumentException.class, () -> cc.setAnswerTokens(8));
            // a state of a million bits: the bound is 1 over the whole measured range and says so
            cc.setBound(1 << 20, 16);
            String bound = (String) cc.dataset().getSeriesKey(1);
            assertTrue(bound.contains("= 1 for n < 262144") && bound.contains("no limit here"), bound);
            assertTrue(cc.dataset().getItemCount(1) <= 2 * 256 + 1, "drawn over the measured range only");
            return null;
        });
    }
}
