package org.haxlab.app.ui;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import org.haxlab.model.engine.NativesCache;

/**
 * The first-start window: the PyTorch natives (about 425 MB) are being unpacked into the DJL cache.
 * Shown only when that actually happens; later starts skip it.
 */
final class StartupSplash {

    private final Stage stage = new Stage(StageStyle.UTILITY);
    private final Label detail = new Label();
    private final ProgressBar bar = new ProgressBar(0);

    StartupSplash(Window owner, NativesCache cache) {
        stage.setTitle("HAX Lab: first start");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        Label headline = new Label("Unpacking the PyTorch " + cache.pytorchVersion() + " natives (first start only)");
        headline.getStyleClass().add("panel-title");
        Label where = new Label("into " + cache.dir());
        where.setWrapText(true);
        bar.setId("splashProgress");
        bar.setPrefWidth(420);
        detail.setId("splashDetail");
        VBox box = new VBox(10, headline, where, bar, detail);
        box.setId("startupSplash");
        box.setPadding(new Insets(18));
        box.getStyleClass().add("splash");
        Scene scene = new Scene(box);
        Assets.dress(stage, scene);
        stage.setScene(scene);
        stage.setResizable(false);
        update(0, cache.expectedBytes());
    }

    void show() {
        stage.show();
    }

    void update(long done, long expected) {
        double fraction = expected > 0 ? Math.min(1.0, (double) done / expected) : -1;
        bar.setProgress(fraction < 0 ? ProgressBar.INDETERMINATE_PROGRESS : fraction);
        detail.setText((done >> 20) + " / " + (expected >> 20) + " MB");
    }

    void close() {
        stage.close();
    }

    boolean isShowing() {
        return stage.isShowing();
    }
}
