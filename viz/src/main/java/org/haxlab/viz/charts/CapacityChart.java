package org.haxlab.viz.charts;

import javafx.scene.layout.BorderPane;
import org.haxlab.model.train.CapacityPoint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Accuracy against table size n = n_c * n_k, one line per model, with the information-theoretic
 * bound accuracy <= 2^b / |V|^n ({@link CapacityBound}) for a state of b bits drawn dashed, and chance
 * 1/|V| as a line.
 */
public class CapacityChart extends BorderPane {

    private final Map<String, List<CapacityPoint>> models = new LinkedHashMap<>();
    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final XYPlot plot;
    private final JFreeChart chart;
    private double bits = Double.NaN;
    private int vocab = 16;

    /** An empty chart. */
    public CapacityChart() {
        NumberAxis acc = new NumberAxis("accuracy");
        acc.setRange(0, 1.02);
        plot = new XYPlot(dataset, new NumberAxis("table size n = n_c x n_k"), acc, new XYLineAndShapeRenderer(true, true));
        chart = new JFreeChart("Capacity", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        setCenter(new ChartViewer(chart));
        setPrefSize(700, 380);
    }

    /**
     * Shows {@code points}, one line per model label in the order the labels first appear, replacing what
     * was drawn before (an empty list clears the chart).
     */
    public final void setPoints(List<CapacityPoint> points) {
        models.clear();
        for (CapacityPoint p : points) {
            models.computeIfAbsent(p.model(), k -> new ArrayList<>()).add(p);
        }
        refresh();
    }

    /**
     * Sets the bound's inputs: state size b in bits and |V| values; NaN bits hides the bound.
     */
    public final void setBound(double stateBits, int values) {
        if (values < 2) {
            throw new IllegalArgumentException("capacity chart: |V| must be >= 2, got " + values);
        }
        bits = stateBits;
        vocab = values;
        refresh();
    }

    /** The data drawn (models first, then the bound). */
    public final XYSeriesCollection dataset() {
        return dataset;
    }

    /** The chart (for export). */
    public final JFreeChart chart() {
        return chart;
    }

    private void refresh() {
        chart.setNotify(false);
        try {
            dataset.removeAllSeries();
            plot.clearRangeMarkers();
            XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
            int maxN = 1;
            int s = 0;
            for (Map.Entry<String, List<CapacityPoint>> m : models.entrySet()) {
                XYSeries series = new XYSeries(m.getKey(), true, true);
                for (CapacityPoint p : m.getValue()) {
                    series.add(p.n(), p.accuracy(), false);
                    maxN = Math.max(maxN, p.n());
                }
                dataset.addSeries(series);
                r.setSeriesPaint(s, ChartStyle.seriesColour(s));
                r.setSeriesShapesVisible(s, true);
                s++;
            }
            if (!Double.isNaN(bits)) {
                XYSeries bound = new XYSeries(String.format(Locale.ROOT, "bound 2^b/|V|^n (b=%.0f, |V|=%d)", bits, vocab),
                        true, false);
                int top = (int) Math.max(maxN, Math.ceil(CapacityBound.breakEven(bits, vocab) * 1.5));
                for (int n = 0; n <= top; n++) {
                    bound.add(n, CapacityBound.maxAccuracy(bits, vocab, n), false);
                }
                dataset.addSeries(bound);
                r.setSeriesPaint(s, Color.BLACK);
                r.setSeriesShapesVisible(s, false);
                r.setSeriesStroke(s, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {6f, 4f}, 0f));
            }
            ValueMarker chance = new ValueMarker(1.0 / vocab, Color.GRAY, new BasicStroke(1f));
            chance.setLabel(String.format(Locale.ROOT, "chance 1/|V| = %.4f", 1.0 / vocab));
            chance.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
            chance.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(chance);
        } finally {
            chart.setNotify(true);
        }
    }
}
