package org.haxlab.model.train;

/**
 * The curves a training run produces, each on its axis: the loss and the gate loss share one scale,
 * the two accuracies another (0..1). Named here, not by the chart that draws them, so that the code
 * feeding the curves needs no view (spec §4 for the loss).
 */
public enum TrainingMetric {
    /** Training loss (masked cross-entropy + 0.1 x gate loss). */
    LOSS("loss", false),
    /** The gate loss alone. */
    GATE_LOSS("gate loss", false),
    /** Accuracy on training batches. */
    TRAIN_ACCURACY("train accuracy", true),
    /** Accuracy on the validation split. */
    VAL_ACCURACY("val accuracy", true);

    private final String label;
    private final boolean accuracy;

    TrainingMetric(String label, boolean accuracy) {
        this.label = label;
        this.accuracy = accuracy;
    }

    /** Legend name. */
    public String label() {
        return label;
    }

    /** True for the accuracy axis. */
    public boolean isAccuracy() {
        return accuracy;
    }
}
