package org.haxlab.viz.decay;

import javafx.scene.layout.BorderPane;
import org.haxlab.model.trace.DecayTrace;
import org.haxlab.model.trace.LayerInspection;
import org.haxlab.viz.charts.ChartStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Locale;

/**
 * How the SSM state forgets (spec §2): either the per-step decay exp(dt_t * A) over the sequence, or
 * the retention from a chosen token j to every later position (with the maximum over all units drawn
 * black), per head (Mamba-2) or per channel (Mamba-1; see {@link DecaySeries.Units}). Optional log-scale
 * y axis and a horizontal threshold line ("below this, token j is effectively forgotten").
 */
public class DecayChart extends BorderPane {
    /** What the chart shows. */
    public enum Mode {
        /** exp(dt_t * A) at every position. */
        PER_STEP_DECAY,
        /** Retention from the chosen token to every position. */
        RETENTION
    }

    /**
     * Most curves the legend names one by one; beyond it (a Mamba-1 layer has 128 channels) the legend
     * took the whole chart at 1280 x 720 and a line under the plot says what the curves are instead
     * (a curve's tooltip still names its head or channel).
     */
    public static final int MAX_LEGEND_ITEMS = 16;

    /** Smallest value drawn on the log axis (retention can underflow to 0). */
    static final double LOG_FLOOR = 1e-12;

    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final XYPlot plot;
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final TextTitle manyCurves = new TextTitle("", new Font("SansSerif", Font.PLAIN, 12));
    private DecayTrace trace;
    private Mode mode = Mode.PER_STEP_DECAY;
    private int token;
    private DecaySeries.Units units = DecaySeries.Units.perUnit();
    private boolean logScale;
    private double threshold = Double.NaN;

    /** An empty chart. */
    public DecayChart() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        plot = new XYPlot(dataset, new NumberAxis("position"), new NumberAxis("decay"), renderer);
        chart = new JFreeChart("State decay", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        manyCurves.setPosition(RectangleEdge.BOTTOM);
        manyCurves.setVisible(false);
        chart.addSubtitle(manyCurves);
        viewer = new ChartViewer(chart);
        setCenter(viewer);
        setPrefSize(700, 350);
    }

    /** Shows a trace (resets the token to 0 when it falls outside the new sequence). */
    public final void setTrace(DecayTrace decay) {
        trace = decay;
        if (decay != null && token >= decay.length()) {
            token = 0;
        }
        refresh();
    }

    /** Shows the decay of one inspected layer. */
    public final void setInspection(LayerInspection layer) {
        setTrace(layer == null ? null : layer.decay());
    }

    /** Draws the per-step decay of the given units. */
    public final void showPerStepDecay(DecaySeries.Units which) {
        mode = Mode.PER_STEP_DECAY;
        units = which;
        refresh();
    }

    /** Draws the retention from token {@code j} for the given units, plus the maximum over all units. */
    public final void showRetentionFrom(int j, DecaySeries.Units which) {
        mode = Mode.RETENTION;
        token = j;
        units = which;
        refresh();
    }

    /** Log-scale y axis on or off. */
    public final void setLogScale(boolean on) {
        logScale = on;
        refresh();
    }

    /** A horizontal line at {@code value}; NaN removes it. */
    public final void setThreshold(double value) {
        threshold = value;
        refresh();
    }

    /** The chart (for export and tests). */
    public final JFreeChart chart() {
        return chart;
    }

    /** The data drawn now. */
    public final XYSeriesCollection dataset() {
        return dataset;
    }

    /** What is drawn now. */
    public final Mode mode() {
        return mode;
    }

    private void refresh() {
        chart.setNotify(false);
        try {
            dataset.removeAllSeries();
            plot.clearRangeMarkers();
            plot.clearDomainMarkers();
            ValueAxis y = logScale ? logAxis() : new NumberAxis(mode == Mode.RETENTION ? "retention" : "exp(dt*A)");
            plot.setRangeAxis(y);
            if (trace != null) {
                List<DecaySeries.Curve> curves = mode == Mode.RETENTION
                        ? DecaySeries.retentionFrom(trace, token, units) : DecaySeries.perStepDecay(trace, units);
                for (DecaySeries.Curve c : curves) {
                    dataset.addSeries(series(c, mode == Mode.RETENTION ? token : 0));
                }
                XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
                ChartStyle.colourSeries(r, curves.size());
                if (mode == Mode.RETENTION) {
                    dataset.addSeries(series(DecaySeries.maxRetentionFrom(trace, token), token));
                    r.setSeriesPaint(curves.size(), Color.BLACK);
                    r.setSeriesStroke(curves.size(), new BasicStroke(2.5f));
                    plot.addDomainMarker(new ValueMarker(token, Color.GRAY, new BasicStroke(1f)));
                }
                boolean many = curves.size() > MAX_LEGEND_ITEMS;
                chart.getLegend().setVisible(!many);
                manyCurves.setVisible(many);
                manyCurves.setText(many ? manyCurvesText(curves, mode == Mode.RETENTION) : "");
                chart.setTitle(mode == Mode.RETENTION
                        ? String.format(Locale.ROOT, "Retention of token %d (%s)", token, trace.backbone().label())
                        : "Per-step decay exp(dt*A) (" + trace.backbone().label() + ")");
            }
            if (!Double.isNaN(threshold)) {
                ValueMarker m = new ValueMarker(threshold, ChartStyle.awt(0xFFD55E00), new BasicStroke(1.5f,
                        BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
                m.setLabel("threshold " + threshold);
                m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
                plot.addRangeMarker(m);
            }
        } finally {
            chart.setNotify(true);
        }
    }

    /** "128 channels, one line each (colours repeat; hover a line for its name); black: max over units". */
    static String manyCurvesText(List<DecaySeries.Curve> curves, boolean withMax) {
        String first = curves.get(0).name();
        int space = first.indexOf(' ');
        String unit = space > 0 ? first.substring(0, space) : "curve";
        return curves.size() + " " + unit + "s, one line each (colours repeat; hover a line for its " + unit + ")"
                + (withMax ? "; black: " + DecaySeries.MAX_NAME : "");
    }

    /** The legend names every curve (false: too many, a line under the plot says what they are). */
    public final boolean legendShown() {
        return chart.getLegend().isVisible();
    }

    /** The line under the plot that stands for the legend when there are too many curves ("" when none). */
    public final String manyCurvesText() {
        return manyCurves.isVisible() ? manyCurves.getText() : "";
    }

    private LogAxis logAxis() {
        LogAxis axis = new LogAxis(mode == Mode.RETENTION ? "retention (log)" : "exp(dt*A) (log)");
        axis.setSmallestValue(LOG_FLOOR);
        return axis;
    }

    /** A curve from position {@code from} on (retention before j is 1 by definition and not drawn). */
    private XYSeries series(DecaySeries.Curve c, int from) {
        XYSeries s = new XYSeries(c.name(), false, false);
        double[] v = c.values();
        for (int t = from; t < v.length; t++) {
            s.add(t, logScale ? Math.max(LOG_FLOOR, v[t]) : v[t], false);
        }
        return s;
    }
}
