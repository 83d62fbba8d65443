package org.haxlab.app.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.haxlab.app.work.ModelWorker;
import org.haxlab.model.engine.EngineStartup;

/**
 * The JavaFX application. Not the jar's main class: with JavaFX on the class path (not the module
 * path) the launcher refuses an {@code Application} subclass as main class, so
 * {@link org.haxlab.app.Main} launches this one.
 */
public final class HaxLabApp extends Application {

    private ModelWorker worker;

    /** Opens the main window, then starts the engine on the model thread. */
    @Override
    public void start(Stage stage) {
        worker = new ModelWorker();
        MainWindow window = new MainWindow();
        Scene scene = new Scene(window, MainWindow.WIDTH, MainWindow.HEIGHT);
        Assets.dress(stage, scene);
        stage.setTitle("HAX Lab");
        stage.setScene(scene);
        stage.show();
        new EngineStartupFlow(worker, EngineStartup::start, window).start();
    }

    /** Shuts the model thread down. */
    @Override
    public void stop() {
        if (worker != null) {
            worker.close();
        }
    }
}
