package org.haxlab.viz.charts;

import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.haxlab.model.inspect.SparsitySummary;
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
import java.util.Arrays;
import java.util.EnumMap;
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
    private SparsitySummary summary;

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

    /** Shows a layer's selection against its sparse config's budgets (k / #components each). */
    public final void setInspection(LayerInspection layer, SparseConfig config) {
        setSelection(layer.selection(), SparsitySummary.of(layer.selection(), config));
    }

    /**
     * Shows a selection with explicit per-component budgets.
     *
     * @param budgets keys each component may keep (spec §3); components without one get no bar
     */
    public final void setSelection(AttentionSelection sel, Map<Component, Integer> budgets) {
        setSelection(sel, SparsitySummary.of(sel, budgets));
    }

    /** Shows a selection and its summary (the bars are the summary's components). */
    public final void setSelection(AttentionSelection sel, SparsitySummary summary) {
        this.summary = summary;
        Map<Component, int[]> stacked = keysByPrimary(sel);
        areaChart.setNotify(false);
        barChart.setNotify(false);
        try {
            perQuery.removeAllSeries();
            use.clear();
            areaPlot.clearRangeMarkers();
            int s = 0;
            for (Component c : ComponentColors.PRIORITY) {
                int[] counts = stacked.get(c);
                if (Arrays.stream(counts).allMatch(v -> v == 0) && summary.use(c) == null) {
                    continue;
                }
                XYSeries series = new XYSeries(c.id(), true, false);
                for (int i = 0; i < counts.length; i++) {
                    series.add(i, counts[i], false);
                }
                perQuery.addSeries(series);
                areaRenderer.setSeriesPaint(s++, ChartStyle.awt(ComponentColors.of(c)));
            }
            int total = summary.components().isEmpty() ? 0 : summary.budget();
            NumberAxis y = (NumberAxis) areaPlot.getRangeAxis();
            y.setAutoRange(true);
            if (total > 0) {
                ValueMarker k = new ValueMarker(total, Color.BLACK, new BasicStroke(1.5f));
                k.setLabel("budget k = " + total);
                k.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
                k.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
                areaPlot.addRangeMarker(k);
                // Markers do not widen the auto range; keep the budget line in view.
                y.setRange(0, Math.max(total, summary.maxKeys()) * 1.08);
            }
            int b = 0;
            for (SparsitySummary.ComponentUse u : summary.components()) {
                use.addValue(u.use(), u.component().id() + " (k_c=" + u.perQuery() + ")", "budget use");
                barRenderer.setSeriesPaint(b++, ChartStyle.awt(ComponentColors.of(u.component())));
            }
        } finally {
            areaChart.setNotify(true);
            barChart.setNotify(true);
        }
    }

    /** The numbers drawn now (null before the first selection). */
    public final SparsitySummary summary() {
        return summary;
    }

    /**
     * Keys per query under each key's highest-priority component ({@link ComponentColors#PRIORITY}): each key
     * counted once, so the stacked parts of a row add up to its key count, in the colour the matrix gives it.
     */
    static Map<Component, int[]> keysByPrimary(AttentionSelection sel) {
        int n = sel.length();
        Map<Component, int[]> primary = new EnumMap<>(Component.class);
        for (Component c : Component.values()) {
            primary.put(c, new int[n]);
        }
        for (int i = 0; i < n; i++) {
            for (int e = sel.offsets()[i]; e < sel.offsets()[i + 1]; e++) {
                Component p = ComponentColors.primary(sel.components()[e]);
                if (p != null) {
                    primary.get(p)[i]++;
                }
            }
        }
        return primary;
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
