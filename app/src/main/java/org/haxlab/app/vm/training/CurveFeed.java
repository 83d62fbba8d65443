package org.haxlab.app.vm.training;

import org.haxlab.model.train.StepEvent;
import org.haxlab.model.train.TrainingMetric;
import org.haxlab.model.train.ValidationEvent;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns step events into curve points for the charts (on the FX thread): per-step metrics averaged over
 * buckets so a curve keeps about {@value #POINTS} points, validation points as they come; the step axis
 * counts the model's steps (a loaded checkpoint's included). Also smooths tokens/s.
 */
public final class CurveFeed {

    /** Receives curve points on the FX thread (the panel's chart). */
    public interface Sink {
        /** One point of a curve. */
        void append(TrainingMetric metric, double step, double value);

        /** A new model is in place: drop every point. */
        void clear();
    }

    /** Points per per-step curve over a whole run. */
    public static final int POINTS = 400;
    /** Weight of the newest step in the tokens/s average. */
    private static final double SMOOTHING = 0.2;

    private final List<Sink> sinks = new ArrayList<>();
    private final Map<TrainingMetric, CurveDecimator> decimators = new EnumMap<>(TrainingMetric.class);
    private int baseStep;
    private double tokensPerSecond = Double.NaN;

    /** Adds a chart. */
    public void addSink(Sink sink) {
        sinks.add(java.util.Objects.requireNonNull(sink, "sink"));
    }

    /** A run of {@code steps} steps begins on the current model. */
    public void begin(int steps) {
        for (TrainingMetric m : TrainingMetric.values()) {
            decimators.put(m, CurveDecimator.forRun(steps, POINTS));
        }
        tokensPerSecond = Double.NaN;
    }

    /** A new model that has seen {@code step} steps: curves restart. */
    public void newModel(int step) {
        baseStep = step;
        tokensPerSecond = Double.NaN;
        sinks.forEach(Sink::clear);
    }

    /** One step's facts. */
    public void step(StepEvent e) {
        if (decimators.isEmpty()) {
            begin(Math.max(1, e.step()));
        }
        feed(TrainingMetric.LOSS, e.step(), e.loss());
        feed(TrainingMetric.GATE_LOSS, e.step(), e.gateLoss());
        feed(TrainingMetric.TRAIN_ACCURACY, e.step(), e.accuracy());
        ValidationEvent v = e.validation();
        if (v != null && Double.isFinite(v.accuracy())) {
            send(TrainingMetric.VAL_ACCURACY, baseStep + v.step(), v.accuracy());
        }
        if (Double.isFinite(e.tokensPerSecond())) {
            tokensPerSecond = Double.isNaN(tokensPerSecond) ? e.tokensPerSecond()
                    : SMOOTHING * e.tokensPerSecond() + (1 - SMOOTHING) * tokensPerSecond;
        }
    }

    /** Steps the model had seen before the current run. */
    public int baseStep() {
        return baseStep;
    }

    /** Smoothed tokens/s of the current run, NaN before its first step. */
    public double tokensPerSecond() {
        return tokensPerSecond;
    }

    private void feed(TrainingMetric m, int step, double value) {
        double mean = decimators.get(m).add(step, value);
        if (!Double.isNaN(mean)) {
            send(m, baseStep + step, mean);
        }
    }

    private void send(TrainingMetric m, double step, double value) {
        for (Sink s : sinks) {
            s.append(m, step, value);
        }
    }
}
