package org.haxlab.viz.charts;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.layout.BorderPane;
import org.haxlab.model.train.TrainingMetric;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Live training curves: loss and gate loss on the left axis, train and validation accuracy on the
 * right axis (0..1). {@link #append} may be called from any thread (the trainer's); points queue up
 * and are flushed on the FX thread at most once per frame by an {@link AnimationTimer} that runs only
 * while points are pending. JFreeChart redraws on every dataset event, so a flush adds points silently,
 * fires one change per touched series with the chart's notification off, then turns it back on: one
 * redraw per frame however many points arrived.
 */
public class LiveCurves extends BorderPane {

    private record Point(TrainingMetric metric, double step, double value) {
    }

    private final Map<TrainingMetric, XYSeries> series = new EnumMap<>(TrainingMetric.class);
    private final ConcurrentLinkedQueue<Point> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final JFreeChart chart;
    private final AnimationTimer timer;
    private int flushes;

    /** An empty chart. */
    public LiveCurves() {
        XYSeriesCollection losses = new XYSeriesCollection();
        XYSeriesCollection accuracies = new XYSeriesCollection();
        for (TrainingMetric m : TrainingMetric.values()) {
            XYSeries s = new XYSeries(m.label(), true, true);
            series.put(m, s);
            (m.isAccuracy() ? accuracies : losses).addSeries(s);
        }
        NumberAxis step = new NumberAxis("step");
        NumberAxis lossAxis = new NumberAxis("loss");
        lossAxis.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer lossRenderer = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(losses, step, lossAxis, lossRenderer);
        NumberAxis accAxis = new NumberAxis("accuracy");
        accAxis.setRange(0, 1);
        XYLineAndShapeRenderer accRenderer = new XYLineAndShapeRenderer(true, false);
        plot.setDataset(1, accuracies);
        plot.setRangeAxis(1, accAxis);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, accRenderer);
        lossRenderer.setSeriesPaint(0, ChartStyle.seriesColour(0));
        lossRenderer.setSeriesPaint(1, ChartStyle.seriesColour(3));
        accRenderer.setSeriesPaint(0, ChartStyle.seriesColour(2));
        accRenderer.setSeriesPaint(1, ChartStyle.seriesColour(1));
        chart = new JFreeChart("Training", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        setCenter(new ChartViewer(chart));
        setPrefSize(700, 350);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                flushPending();
                stop();
                scheduled.set(false);
                if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
                    start();
                }
            }
        };
    }

    /** Queues a point; safe from any thread. Non-finite values are dropped (a NaN loss must not break the axis). */
    public final void append(TrainingMetric metric, double step, double value) {
        if (metric == null) {
            throw new IllegalArgumentException("live curves: metric is required");
        }
        if (!Double.isFinite(value) || !Double.isFinite(step)) {
            return;
        }
        queue.add(new Point(metric, step, value));
        if (scheduled.compareAndSet(false, true)) {
            if (Platform.isFxApplicationThread()) {
                timer.start();
            } else {
                Platform.runLater(timer::start);
            }
        }
    }

    /**
     * Moves every queued point into the chart with a single redraw; the timer calls it once per frame.
     * Must run on the FX thread.
     */
    public final void flushPending() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("live curves: flush must run on the JavaFX thread");
        }
        if (queue.isEmpty()) {
            return;
        }
        List<XYSeries> touched = new ArrayList<>();
        chart.setNotify(false);
        try {
            for (Point p; (p = queue.poll()) != null; ) {
                XYSeries s = series.get(p.metric());
                s.add(p.step(), p.value(), false);
                if (!touched.contains(s)) {
                    touched.add(s);
                }
            }
            for (XYSeries s : touched) {
                s.fireSeriesChanged();
            }
        } finally {
            chart.setNotify(true);
        }
        flushes++;
    }

    /** Keeps at most {@code n} points per curve (older ones drop out), for very long runs. */
    public final void setMaxPoints(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("live curves: max points must be >= 1, got " + n);
        }
        series.values().forEach(s -> s.setMaximumItemCount(n));
    }

    /** Removes every point (FX thread). */
    public final void clear() {
        queue.clear();
        chart.setNotify(false);
        series.values().forEach(XYSeries::clear);
        chart.setNotify(true);
    }

    /** The series of one metric (read on the FX thread). */
    public final XYSeries series(TrainingMetric m) {
        return series.get(m);
    }

    /** Metrics that have at least one point. */
    public final Set<TrainingMetric> metricsWithData() {
        Set<TrainingMetric> out = java.util.EnumSet.noneOf(TrainingMetric.class);
        series.forEach((m, s) -> {
            if (s.getItemCount() > 0) {
                out.add(m);
            }
        });
        return out;
    }

    /** Flushes done so far (tests check that many points cost few redraws). */
    public final int flushCount() {
        return flushes;
    }

    /** The chart (for export). */
    public final JFreeChart chart() {
        return chart;
    }
}
