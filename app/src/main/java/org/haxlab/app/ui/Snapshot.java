package org.haxlab.app.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.haxlab.app.scenario.ScenarioException;
import org.haxlab.app.vm.Debouncer;
import org.haxlab.app.vm.ModelLoader;
import org.haxlab.app.vm.ModelWork;
import org.haxlab.app.vm.View;
import org.haxlab.app.work.ModelWorker;
import org.haxlab.model.engine.EngineInfo;
import org.haxlab.viz.export.ImageExport;

/**
 * Renders the whole window, opened on a scenario with one view in front, to a PNG without a display:
 * the JavaFX toolkit runs on Monocle's headless screen with software rendering (set here before the
 * toolkit starts, unless the caller already started it, as the UI tests do). What the user would see
 * after the models answered is what is written: the model work is drained before the snapshot.
 */
public final class Snapshot {
    /** Longest time the models may take to answer before the snapshot is given up. */
    static final long TIMEOUT_SECONDS = 600;

    private Snapshot() {
    }

    /** Selects Monocle's headless screen of {@code width} x {@code height} and software rendering (before start-up). */
    public static void headless(int width, int height) {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("headless.geometry", width + "x" + height + "-32");
    }

    /**
     * Opens {@code scenario} in a window of {@code width} x {@code height}, shows {@code view}, waits for the
     * models, and writes the window as PNG to {@code out}.
     *
     * @param engine what the status bar says about the engine (null: nothing)
     * @throws ScenarioException when the scenario cannot be opened (the message names the field)
     * @throws IOException       when the PNG cannot be written or the models did not answer in time
     */
    public static void render(Path scenario, View view, int width, int height, Path out, EngineInfo engine,
                              ModelWorker worker) throws ScenarioException, IOException {
        boolean started = startToolkit();
        CompletableFuture<MainWindow> opened = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                MainWindow w = new MainWindow(ModelWork.of(worker), ModelLoader.standard(), Debouncer.immediate());
                new Scene(w, width, height);
                Assets.style(w.getScene());
                if (engine != null) {
                    // as the app does once the engine is up: the status bar says so, the training panel works
                    w.setEngine(engine);
                    w.statusBar().showEngine(engine);
                    w.trainingPanel().viewModel().attach(worker);
                }
                w.openScenario(scenario);
                w.viewModel().selectView(view);
                opened.complete(w);
            } catch (Throwable t) {
                opened.completeExceptionally(t);
            }
        });
        MainWindow window;
        try {
            window = join(opened);
        } catch (SneakyScenario e) {
            throw e.scenario;
        }
        try {
            settle(worker);
            CompletableFuture<Void> written = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    window.applyCss();
                    window.layout();
                    ImageExport.nodeToPng(window, out);
                    written.complete(null);
                } catch (Throwable t) {
                    written.completeExceptionally(t);
                }
            });
            join(written);
        } finally {
            Platform.runLater(window::dispose);
            if (started) {
                Platform.exit();
            }
        }
    }

    /** Waits until the model thread and the FX thread have nothing left to do (each run posts the next). */
    private static void settle(ModelWorker worker) throws IOException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        for (int quiet = 0; quiet < 3; ) {
            if (System.nanoTime() > end) {
                throw new IOException("the models did not answer within " + TIMEOUT_SECONDS + " s");
            }
            try {
                worker.submit(() -> null).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException("the model thread failed: " + e.getMessage(), e);
            }
            CompletableFuture<Boolean> busy = new CompletableFuture<>();
            Platform.runLater(() -> busy.complete(false));
            join(busy);
            quiet++;
        }
    }

    /** Starts the toolkit unless it runs already; true when this call started it. */
    private static boolean startToolkit() throws IOException {
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            return false;
        }
        try {
            if (!up.await(60, TimeUnit.SECONDS)) {
                throw new IOException("the JavaFX toolkit did not start within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the JavaFX toolkit started", e);
        }
        return true;
    }

    private static <T> T join(CompletableFuture<T> f) throws IOException {
        try {
            return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof ScenarioException s) {
                throw new SneakyScenario(s);
            }
            throw new IOException(c.getMessage() == null ? c.toString() : c.getMessage(), c);
        } catch (Exception e) {
            throw new IOException("the window did not render: " + e, e);
        }
    }

    /** Carries a scenario error out of {@link #join} so {@link #render} can rethrow it as it is. */
    static final class SneakyScenario extends IOException {
        final ScenarioException scenario;

        SneakyScenario(ScenarioException s) {
            super(s.getMessage(), s);
            scenario = s;
        }
    }
}
