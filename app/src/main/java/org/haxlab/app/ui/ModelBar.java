package org.haxlab.app.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The bar on top: which model is loaded (backbone, pattern, size). Model choice and loading arrive with
 * the model and training features; until then it says that no model is loaded.
 */
public final class ModelBar extends HBox {

    private final Label model = new Label("No model loaded: train one in the side panel or open a checkpoint");

    /** An empty bar with the app title and the model line. */
    public ModelBar() {
        setId("modelBar");
        getStyleClass().add("model-bar");
        setAlignment(Pos.CENTER_LEFT);
        Label title = new Label("HAX Lab");
        title.getStyleClass().add("app-title");
        model.setId("modelName");
        model.getStyleClass().add("model-name");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(title, model, spacer);
    }

    /** Shows a one-line description of the current model. */
    public void showModel(String description) {
        model.setText(description);
    }
}
