package org.haxlab.app.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** An area with nothing to show yet that says, in one sentence, how to get something to show. */
final class Placeholder extends StackPane {

    private final Label text;

    Placeholder(String message) {
        text = new Label(message);
        text.setWrapText(true);
        text.getStyleClass().add("placeholder-text");
        getStyleClass().add("placeholder");
        setAlignment(Pos.CENTER);
        getChildren().add(text);
    }

    /** The sentence shown. */
    String message() {
        return text.getText();
    }
}
