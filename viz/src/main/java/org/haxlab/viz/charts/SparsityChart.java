package org.haxlab.viz.charts;

import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Component;
import org.haxlab.model.trace.LayerInspection;
import org.haxlab.viz.heatmap.ComponentColors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How sparse one layer's attention is (spec §3): keys per query stacked by component (each key under
 * its highest-priority component, so the stack height is the row's key count) with the total budget k
 * as a line, and a bar per component with the mean fraction of its budget it filled.
 */
public class SparsityChart extends VBox {
    private final DefaultTableXYDataset perQuery = new DefaultTableXYDataset();
    private final DefaultCategoryDataset use = new DefaultCategoryDataset();
    private final XYPlot areaPlot;
    private final StackedXYAreaRenderer2 areaRenderer = new StackedXYAreaRenderer2();
    private final BarRenderer barRenderer = new BarRenderer();
    private final JFreeChart areaChart;
    private final JFreeChart barChart;
    private SparsityStats stats;

    /** An empty chart. */
    public SparsityChart() {
        areaPlot = new XYPlot(perQuery, new NumberAxis("query position"), new NumberAxis("keys per query"), areaRenderer);
        areaChart = new JFreeChart("Keys per query", JFreeChart.DEFAULT_TITLE_FONT, areaPlot, true);
        ChartStyle.apply(areaChart);
        NumberAxis useAxis = new NumberAxis("mean keys / budget");
        useAxis.setRange(0, 1.05);
        barRenderer.setBarPainter(new StandardBarPainter());
        barRenderer.setShadowVisible(false);
        barRenderer.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{0}: {2}",
                new DecimalFormat("0.####")));
        CategoryPlot barPlot = new CategoryPlot(use, new CategoryAxis("component"), useAxis, barRenderer);
        barPlot.setBackgroundPaint(Color.WHITE);
        barChart = new JFreeChart("Budget use", JFreeChart.DEFAULT_TITLE_FONT, barPlot, true);
        barChart.setBackgroundPaint(Color.WHITE);
        ChartViewer top = new ChartViewer(areaChart);
        ChartViewer bottom = new ChartViewer(barChart);
        VBox.setVgrow(top, Priority.ALWAYS);
        bottom.setPrefHeight(220);
        getChildren().addAll(top, bottom);
        setPrefSize(700, 520);
    }

    /** Shows a layer's selection with per-component budgets k / #components from its sparse config. */
    public final void setInspection(LayerInspection layer, SparseConfig config) {
        Map<Component, Integer> budgets = new LinkedHashMap<>();
        for (Component c : config.pattern().components()) {
            budgets.put(c, config.perComponent());
        }
        setSelection(layer.selection(), budgets);
    }

    /**
     * Shows a selection.
     *
     * @param budgets keys each component may keep (spec §3); components without one get no bar
     */
    public final void setSelection(AttentionSelection sel, Map<Component, Integer> budgets) {
        stats = SparsityStats.of(sel);
        areaChart.setNotify(false);
        barChart.setNotify(false);
        try {
            perQuery.removeAllSeries();
            use.clear();
            areaPlot.clearRangeMarkers();
            int s = 0;
            for (Component c : ComponentColors.PRIORITY) {
                int[] counts = stats.byPrimary().get(c);
                if (java.util.Arrays.stream(counts).allMatch(v -> v == 0) && !budgets.containsKey(c)) {
                    continue;
                }
                XYSeries series = new XYSeries(c.id(), true, false);
                for (int i = 0; i < counts.length; i++) {
                    series.add(i, counts[i], false);
                }
                perQuery.addSeries(series);
                areaRenderer.setSeriesPaint(s++, ChartStyle.awt(ComponentColors.of(c)));
            }
            int total = budgets.values().stream().mapToInt(Integer::intValue).sum();
            NumberAxis y = (NumberAxis) areaPlot.getRangeAxis();
            y.setAutoRange(true);
            if (total > 0) {
                ValueMarker k = new ValueMarker(total, Color.BLACK, new BasicStroke(1.5f));
                k.setLabel("budget k = " + total);
                k.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
                k.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
                areaPlot.addRangeMarker(k);
                // Markers do not widen the auto range; keep the budget line in view.
                int most = java.util.Arrays.stream(stats.total()).max().orElse(0);
                y.setRange(0, Math.max(total, most) * 1.08);
            }
            int b = 0;
            for (Map.Entry<Component, Integer> e : budgets.entrySet()) {
                use.addValue(stats.budgetUse(e.getKey(), e.getValue()), e.getKey().id() + " (k_c=" + e.getValue() + ")",
                        "budget use");
                barRenderer.setSeriesPaint(b++, ChartStyle.awt(ComponentColors.of(e.getKey())));
            }
        } finally {
            areaChart.setNotify(true);
            barChart.setNotify(true);
        }
    }

    /** The numbers drawn now (null before the first selection). */
    public final SparsityStats stats() {
        return stats;
    }

    /** The stacked keys-per-query data. */
    public final DefaultTableXYDataset perQueryDataset() {
        return perQuery;
    }

    /** The budget-use bars. */
    public final DefaultCategoryDataset budgetUseDataset() {
        return use;
    }

    /** The keys-per-query chart (for export). */
    public final JFreeChart keysChart() {
        return areaChart;
    }

    /** The budget-use chart (for export). */
    public final JFreeChart budgetChart() {
        return barChart;
    }
}
