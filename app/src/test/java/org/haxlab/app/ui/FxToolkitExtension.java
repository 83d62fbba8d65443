package org.haxlab.app.ui;

import javafx.application.Platform;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The app's one FX test extension: starts the JavaFX toolkit once per JVM (headless through Monocle when the
 * build passes {@code -Dglass.platform=Monocle -Dmonocle.platform=Headless}), whichever test class comes
 * first, also after TestFX's own start-up, and runs code on the FX thread.
 */
public final class FxToolkitExtension implements BeforeAllCallback {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (STARTED.compareAndSet(false, true)) {
            CountDownLatch latch = new CountDownLatch(1);
            try {
                Platform.startup(latch::countDown);
            } catch (IllegalStateException alreadyStarted) {
                // TestFX's ApplicationExtension (or the snapshot command) started it earlier in this JVM
                Platform.setImplicitExit(false);
                return;
            }
            // keep the toolkit alive between test classes that close their last window
            Platform.setImplicitExit(false);
            if (!latch.await(90, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the JavaFX toolkit did not start within 30 s");
            }
        }
    }

    /** Runs {@code work} on the FX thread and returns its result (rethrowing what it threw). */
    public static <T> T onFx(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(90, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("FX work did not finish", e);
        }
    }
}
