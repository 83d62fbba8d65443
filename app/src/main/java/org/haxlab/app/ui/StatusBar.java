package org.haxlab.app.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import org.haxlab.app.vm.WorkStatus;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.haxlab.model.engine.EngineInfo;

/**
 * The bottom bar: the model work (running, done, or why it failed) on the left; the engine state
 * (starting, ready with its device, or failed) and its start-up progress on the right.
 */
public final class StatusBar extends HBox {

    private final Label engine = new Label("Engine: starting…");
    private final ProgressBar progress = new ProgressBar();
    private final Label work = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();

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
        work.setId("workStatus");
        busy.setId("workBusy");
        busy.setPrefSize(16, 16);
        busy.setVisible(false);
        busy.managedProperty().bind(busy.visibleProperty());
        // what the model did (or why it failed) matters more than the engine line: the engine line gives way
        work.setMinWidth(Region.USE_PREF_SIZE);
        engine.setMinWidth(80);
        work.setTooltip(new javafx.scene.control.Tooltip());
        work.getTooltip().textProperty().bind(work.textProperty());
        work.getTooltip().setWrapText(true);
        work.getTooltip().setMaxWidth(600);
        engine.setTooltip(new javafx.scene.control.Tooltip());
        engine.getTooltip().textProperty().bind(engine.textProperty());
        engine.getTooltip().setWrapText(true);
        engine.getTooltip().setMaxWidth(600);
        getChildren().addAll(busy, work, spacer, engine, progress);
    }

    /** Shows the model-work line of {@code status}: what runs, what finished, or the reason of a failure. */
    public void bind(WorkStatus status) {
        work.textProperty().bind(status.messageProperty());
        busy.visibleProperty().bind(status.busyProperty());
        status.errorProperty().addListener((o, was, now) -> {
            work.getStyleClass().remove("error");
            work.setTextFill(now ? javafx.scene.paint.Color.web("#c62828") : javafx.scene.paint.Color.web("#1e2230"));
            if (now) {
                work.getStyleClass().add("error");
            }
        });
    }

    /** The model-work line as shown. */
    public String workText() {
        return work.getText();
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
