package org.haxlab.app.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.haxlab.app.scenario.ScenarioException;
import org.haxlab.app.vm.View;
import org.haxlab.app.zoo.Zoo;
import org.haxlab.app.zoo.ZooException;
import org.haxlab.app.zoo.ZooFiles;
import org.haxlab.app.work.ModelWorker;
import org.haxlab.model.engine.EngineStartup;

/**
 * The JavaFX application. Not the jar's main class: with JavaFX on the class path (not the module
 * path) the launcher refuses an {@code Application} subclass as main class, so
 * {@link org.haxlab.app.Main} launches this one. Arguments: {@code --scenario FILE} opens a scenario,
 * {@code --tab ID} then opens one of the {@link View}s. Without a scenario it opens on the model zoo
 * ({@code samples/zoo.json}, or {@code -Dhaxlab.zoo=FILE}) when there is one, else on a generated sequence.
 */
public final class HaxLabApp extends Application {

    private ModelWorker worker;
    private MainWindow window;

    /** Opens the main window, starts the engine on the model thread, then opens a scenario if asked. */
    @Override
    public void start(Stage stage) {
        worker = new ModelWorker();
        window = new MainWindow(worker);
        double[] size = size(System.getProperty("haxlab.window"));
        Scene scene = new Scene(window, size[0], size[1]);
        Assets.dress(stage, scene);
        stage.setTitle("HAX Lab");
        stage.setScene(scene);
        stage.show();
        EngineStartupFlow flow = new EngineStartupFlow(worker, EngineStartup::start, window);
        flow.engineProperty().addListener((o, was, now) -> {
            if (now != null) {
                window.setEngine(now);
                window.trainingPanel().viewModel().attach(worker);   // the panel's commands work from now on
            }
        });
        // queued behind the engine start on the single model thread, so the first model run waits for it
        flow.start();
        List<String> args = getParameters() == null ? List.of() : getParameters().getRaw();
        String file = option(args, "--scenario");
        boolean opened = false;
        if (file != null) {
            try {
                window.openScenario(Path.of(file));
                opened = true;
            } catch (ScenarioException e) {
                ErrorDialog.show(stage, "The scenario given on the command line cannot be opened", e.getMessage());
            }
        }
        if (!opened) {
            startDemo(stage);
        }
        String tab = option(args, "--tab");
        if (tab != null) {
            // Main checked the id before launching; an unknown one here would be a programming error
            window.viewModel().selectView(View.of(tab));
        }
    }

    /**
     * A first start on a working demo: the model zoo's +HAX model on a generated sequence when the zoo is
     * there, else the model bar's model on a generated sequence. A zoo that cannot be read says why and
     * falls back to the latter.
     */
    private void startDemo(Stage stage) {
        Path zooFile = ZooFiles.locate();
        Zoo zoo = null;
        if (zooFile != null) {
            try {
                zoo = ZooFiles.load(zooFile);
            } catch (ZooException e) {
                ErrorDialog.show(stage, "The model zoo cannot be used; HAX Lab starts without it", e.getMessage());
            }
        }
        window.viewModel().startDemo(zoo);
    }

    /** Window size from {@code -Dhaxlab.window=WIDTHxHEIGHT} (screenshots, projectors), else the default. */
    static double[] size(String spec) {
        if (spec != null && spec.matches("\\d{3,5}x\\d{3,5}")) {
            String[] p = spec.split("x");
            return new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1])};
        }
        return new double[] {MainWindow.WIDTH, MainWindow.HEIGHT};
    }

    /** The value after {@code name} in {@code args}, or null. */
    static String option(List<String> args, String name) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
    }

    /** Frees the models, then shuts the model thread down. */
    @Override
    public void stop() {
        if (window != null) {
            window.dispose();
        }
        if (worker != null) {
            worker.close();
        }
    }
}
