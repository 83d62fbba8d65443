package org.haxlab.app.vm.main;

/** Where the model the views show came from; the window says it next to the model's name. */
public enum ModelSource {
    /** The model bar's settings (freshly initialised unless a checkpoint for exactly them was opened). */
    MODEL_BAR("model bar"),
    /** The model the training panel is training, handed over between steps. */
    TRAINING("live training"),
    /** A checkpoint opened with File > Open checkpoint. */
    CHECKPOINT("checkpoint"),
    /** A model of the opened lesson (scenario). */
    LESSON("lesson"),
    /** A trained model of the model zoo. */
    ZOO("zoo");

    private final String label;

    ModelSource(String label) {
        this.label = label;
    }

    /** Lower-case words for the indicator. */
    public String label() {
        return label;
    }
}
