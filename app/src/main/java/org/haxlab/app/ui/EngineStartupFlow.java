package org.haxlab.app.ui;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.stage.Window;
import org.haxlab.app.work.ModelWorker;
import org.haxlab.model.engine.EngineInfo;
import org.haxlab.model.engine.EngineStartup;
import org.haxlab.model.engine.NativesCache;
import org.haxlab.model.engine.ProgressListener;

/**
 * Starts the engine on the model thread when the window opens: a splash with progress if the natives
 * must be unpacked first, the engine line in the status bar when ready, an error dialog if not.
 */
public final class EngineStartupFlow {

    /** How the engine is started; {@link EngineStartup#start} in the app, a stand-in in tests. */
    @FunctionalInterface
    public interface Starter {
        /** Starts the engine, reporting unpack progress to {@code listener} from any thread. */
        EngineInfo start(ProgressListener listener);
    }

    private final ModelWorker worker;
    private final Starter starter;
    private final MainWindow window;
    private final ReadOnlyObjectWrapper<EngineInfo> engine = new ReadOnlyObjectWrapper<>(this, "engine");
    private StartupSplash splash;

    /**
     * @param worker  the model thread
     * @param starter what starts the engine
     * @param window  whose status bar shows the outcome
     */
    public EngineStartupFlow(ModelWorker worker, Starter starter, MainWindow window) {
        this.worker = Objects.requireNonNull(worker, "worker");
        this.starter = Objects.requireNonNull(starter, "starter");
        this.window = Objects.requireNonNull(window, "window");
    }

    /** The engine once started (on the FX thread), else null. */
    public ReadOnlyObjectProperty<EngineInfo> engineProperty() {
        return engine.getReadOnlyProperty();
    }

    /**
     * Starts the engine in the background. Call on the FX thread.
     *
     * @return completes on the model thread with the engine or the failure (the UI is updated after)
     */
    public CompletableFuture<EngineInfo> start() {
        window.statusBar().showStarting("starting PyTorch…", -1);
        return worker.submit(() -> starter.start(new SplashListener()), this::ready, this::failed);
    }

    private void ready(EngineInfo info) {
        closeSplash();
        engine.set(info);
        window.statusBar().showEngine(info);
    }

    private void failed(Throwable failure) {
        closeSplash();
        String message = ErrorDialog.userMessage(failure);
        window.statusBar().showFailure(message);
        Window owner = window.getScene() == null ? null : window.getScene().getWindow();
        ErrorDialog.show(owner, "The model engine could not start", message);
    }

    private void closeSplash() {
        if (splash != null) {
            splash.close();
            splash = null;
        }
    }

    /** Hops every report onto the FX thread; the splash appears only if unpacking really starts. */
    private final class SplashListener implements ProgressListener {
        @Override
        public void onUnpackStarted(NativesCache cache) {
            Platform.runLater(() -> {
                Window owner = window.getScene() == null ? null : window.getScene().getWindow();
                splash = new StartupSplash(owner, cache);
                splash.show();
            });
        }

        @Override
        public void onProgress(long bytesDone, long bytesExpected) {
            Platform.runLater(() -> {
                if (splash != null) {
                    splash.update(bytesDone, bytesExpected);
                }
                window.statusBar().showStarting("unpacking PyTorch natives (first start), "
                        + (bytesDone >> 20) + " / " + (bytesExpected >> 20) + " MB",
                        (double) bytesDone / bytesExpected);
            });
        }
    }
}
