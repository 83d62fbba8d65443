package org.haxlab.app.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.haxlab.model.engine.EngineInfo;

/** The bottom bar: engine state (starting, ready with its device, or failed) and a progress bar. */
public final class StatusBar extends HBox {

    private final Label engine = new Label("Engine: starting…");
    private final ProgressBar progress = new ProgressBar();

    /** A bar saying that the engine is starting. */
    public StatusBar() {
        setId("statusBar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        engine.setId("engineStatus");
        progress.setId("statusProgress");
        progress.setPrefWidth(160);
        progress.setVisible(false);
        progress.managedProperty().bind(progress.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(engine, spacer, progress);
    }

    /** The engine is starting; {@code fraction} &lt; 0 means unknown progress. */
    public void showStarting(String what, double fraction) {
        engine.setText("Engine: " + what);
        engine.getStyleClass().remove("error");
        progress.setVisible(true);
        progress.setProgress(fraction < 0 ? ProgressBar.INDETERMINATE_PROGRESS : fraction);
    }

    /** The engine is ready. */
    public void showEngine(EngineInfo info) {
        engine.setText("Engine: " + info.summary());
        engine.getStyleClass().remove("error");
        progress.setVisible(false);
    }

    /** The engine could not start: the views stay, the model work is off. */
    public void showFailure(String message) {
        engine.setText("Engine unavailable: " + message);
        if (!engine.getStyleClass().contains("error")) {
            engine.getStyleClass().add("error");
        }
        progress.setVisible(false);
    }

    /** The engine line as shown. */
    public String engineText() {
        return engine.getText();
    }
}
