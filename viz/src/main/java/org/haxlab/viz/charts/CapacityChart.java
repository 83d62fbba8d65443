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
 * bound accuracy <= 2^b / |V|^n ({@link CapacityBound}) for a state of b bits drawn dashed, and two
 * chance levels: 1/|V| for a guess among the values, and, once {@link #setAnswerTokens(int)} gave the
 * size of the set the prediction ranges over, 1/that for a guess among every token. Accuracy takes the
 * argmax over the whole vocabulary (as training and the paper do), so an untrained model lands between
 * the two lines, not on the first one.
 */
public class CapacityChart extends BorderPane {

    private final Map<String, List<CapacityPoint>> models = new LinkedHashMap<>();
    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final XYPlot plot;
    private final JFreeChart chart;
    private double bits = Double.NaN;
    private int vocab = 16;
    private int answerTokens;

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

    /**
     * The number of tokens a prediction ranges over (the model's vocabulary), for the second chance
     * line; 0 hides it.
     */
    public final void setAnswerTokens(int tokens) {
        if (tokens != 0 && tokens < vocab) {
            throw new IllegalArgumentException("capacity chart: the answer set (" + tokens + " tokens) must hold the "
                    + vocab + " values");
        }
        answerTokens = tokens;
        refresh();
    }

    /** The chance lines' labels, top first (for tests and exports). */
    public final List<String> chanceLabels() {
        return plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND) == null ? List.of()
                : plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).stream()
                .map(m -> ((ValueMarker) m).getLabel()).toList();
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
                double breakEven = CapacityBound.breakEven(bits, vocab);
                // drawn over the measured range (plus the drop when it is near): a state of millions of bits
                // would otherwise mean a series of millions of points, all at 1
                int top = (int) Math.min(Math.max(maxN, Math.ceil(breakEven * 1.5)), Math.max(2L * maxN, 64));
                String name = breakEven > top
                        ? String.format(Locale.ROOT, "bound 2^b/|V|^n = 1 for n < %.0f (b=%.0f bits): no limit here",
                        breakEven, bits)
                        : String.format(Locale.ROOT, "bound 2^b/|V|^n (b=%.0f, |V|=%d)", bits, vocab);
                XYSeries bound = new XYSeries(name, true, false);
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
            chance.setLabel(String.format(Locale.ROOT, "chance guessing a value: 1/|V| = 1/%d", vocab));
            chance.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
            chance.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(chance);
            if (answerTokens > 0) {
                ValueMarker any = new ValueMarker(1.0 / answerTokens, Color.GRAY, new BasicStroke(1f,
                        BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f));
                any.setLabel(String.format(Locale.ROOT, "chance guessing any token: 1/%d", answerTokens));
                any.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
                any.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
                plot.addRangeMarker(any);
            }
        } finally {
            chart.setNotify(true);
        }
    }
}
