package org.haxlab.app.ui;

import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The left panel: the joint-recall sequence being looked at, in its text form (spec §1). Generation and
 * parsing arrive with the task features; the text area already accepts typing.
 */
public final class SequencePanel extends VBox {

    /** The sentence shown while there is no sequence. */
    public static final String EMPTY = "Generate or type a sequence to begin";

    private final TextArea text = new TextArea();

    /** An empty panel. */
    public SequencePanel() {
        setId("sequencePanel");
        getStyleClass().add("side-panel");
        Label title = new Label("Sequence");
        title.getStyleClass().add("panel-title");
        // The prompt text vanishes while the area has focus, so the hint also stands above it.
        Label hint = new Label(EMPTY + ".");
        hint.setId("sequenceHint");
        hint.setWrapText(true);
        hint.getStyleClass().add("placeholder-text");
        hint.visibleProperty().bind(text.textProperty().isEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        text.setId("sequenceText");
        text.setPromptText("e.g. A a 3 b 2 B b 4 a 1 | B a ? b ? A b ? a ?");
        text.setWrapText(true);
        VBox.setVgrow(text, Priority.ALWAYS);
        getChildren().addAll(title, hint, text);
    }

    /** The sequence text as typed or generated. */
    public String sequenceText() {
        return text.getText();
    }
}
