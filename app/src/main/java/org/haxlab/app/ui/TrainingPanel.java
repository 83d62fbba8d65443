package org.haxlab.app.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The right side panel for training runs (config, start/stop, live numbers). The controls arrive with
 * the training feature; until then the panel says what it is for.
 */
public final class TrainingPanel extends VBox {

    /** An empty panel. */
    public TrainingPanel() {
        setId("trainingPanel");
        getStyleClass().add("side-panel");
        Label title = new Label("Training");
        title.getStyleClass().add("panel-title");
        Placeholder empty = new Placeholder("No training run yet. Runs train a model on joint recall here, "
                + "on the model thread, while you keep exploring.");
        VBox.setVgrow(empty, Priority.ALWAYS);
        getChildren().addAll(title, empty);
    }
}
