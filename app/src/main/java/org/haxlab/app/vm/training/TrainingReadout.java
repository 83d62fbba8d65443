package org.haxlab.app.vm.training;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.haxlab.model.train.StepEvent;

/**
 * The numbers the training panel shows about the current model and run: steps, progress, tokens/s, last
 * loss and accuracy, best validation accuracy. Read-only properties, written on the FX thread by the view
 * model as it drains the step events.
 */
public final class TrainingReadout {

    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(this, "step", 0);
    private final ReadOnlyIntegerWrapper totalSteps = new ReadOnlyIntegerWrapper(this, "totalSteps", 0);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyDoubleWrapper tokensPerSecond = new ReadOnlyDoubleWrapper(this, "tokensPerSecond", Double.NaN);
    private final ReadOnlyDoubleWrapper lastLoss = new ReadOnlyDoubleWrapper(this, "lastLoss", Double.NaN);
    private final ReadOnlyDoubleWrapper lastAccuracy = new ReadOnlyDoubleWrapper(this, "lastAccuracy", Double.NaN);
    private final ReadOnlyDoubleWrapper bestValAccuracy = new ReadOnlyDoubleWrapper(this, "bestValAccuracy", Double.NaN);

    /** A run of {@code steps} steps begins. */
    public void begin(int steps) {
        totalSteps.set(steps);
        progress.set(0);
    }

    /** A new model that has seen {@code modelStep} steps: every number restarts. */
    public void newModel(int modelStep) {
        step.set(modelStep);
        progress.set(0);
        tokensPerSecond.set(Double.NaN);
        lastLoss.set(Double.NaN);
        lastAccuracy.set(Double.NaN);
        bestValAccuracy.set(Double.NaN);
    }

    /**
     * One step's facts.
     *
     * @param baseStep        steps the model had seen before this run
     * @param smoothedRate    tokens/s averaged over recent steps
     */
    public void step(StepEvent e, int baseStep, double smoothedRate) {
        step.set(baseStep + e.step());
        progress.set(totalSteps.get() == 0 ? 0 : Math.min(1, (double) e.step() / totalSteps.get()));
        tokensPerSecond.set(smoothedRate);
        lastLoss.set(e.loss());
        lastAccuracy.set(e.accuracy());
        if (e.validation() != null) {
            bestValAccuracy.set(e.validation().bestAccuracy());
        }
    }

    /** Steps the current model has seen (a loaded checkpoint's included). */
    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** Steps of the current (or last) run. */
    public ReadOnlyIntegerProperty totalStepsProperty() {
        return totalSteps.getReadOnlyProperty();
    }

    /** Fraction of the run done, 0..1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Training throughput (smoothed), NaN before the first step. */
    public ReadOnlyDoubleProperty tokensPerSecondProperty() {
        return tokensPerSecond.getReadOnlyProperty();
    }

    /** Total loss of the last step, NaN before the first. */
    public ReadOnlyDoubleProperty lastLossProperty() {
        return lastLoss.getReadOnlyProperty();
    }

    /** Training accuracy of the last step, NaN before the first. */
    public ReadOnlyDoubleProperty lastAccuracyProperty() {
        return lastAccuracy.getReadOnlyProperty();
    }

    /** Best validation accuracy of the run, NaN before the first validation. */
    public ReadOnlyDoubleProperty bestValAccuracyProperty() {
        return bestValAccuracy.getReadOnlyProperty();
    }
}
