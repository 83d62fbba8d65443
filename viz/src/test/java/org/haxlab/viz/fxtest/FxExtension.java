package org.haxlab.viz.fxtest;

import javafx.application.Platform;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one JavaFX test extension of the viz and app modules (app takes it from viz's test-jar): starts the
 * toolkit once per JVM, whichever test class comes first, also after TestFX's own start-up, and runs code on
 * the FX thread. Headless comes from the parent pom's surefire argLine (Monocle's Headless screen, software
 * Prism), so CI=true runs what developers run.
 */
public final class FxExtension implements BeforeAllCallback {
    private static final long TIMEOUT_SECONDS = 90;
    private static final Object LOCK = new Object();
    private static boolean started;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    /** Starts the toolkit if no one did yet; later calls return at once. */
    public static void start() throws InterruptedException {
        synchronized (LOCK) {
            if (started) {
                return;
            }
            CompletableFuture<Void> up = new CompletableFuture<>();
            try {
                Platform.startup(() -> up.complete(null));
            } catch (IllegalStateException alreadyRunning) {
                // TestFX's ApplicationExtension (or the snapshot command) started it earlier in this JVM
                up.complete(null);
            }
            // keep the toolkit alive between test classes that close their last window
            Platform.setImplicitExit(false);
            try {
                up.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the JavaFX toolkit did not start within " + TIMEOUT_SECONDS + " s", e);
            }
            started = true;
        }
    }

    /**
     * Runs {@code work} on the FX thread and returns its result. What it threw is rethrown as it is when
     * unchecked (an assertion's error keeps its message), wrapped in an {@link IllegalStateException} when checked.
     */
    public static <T> T onFx(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for FX work", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("FX work did not finish within " + TIMEOUT_SECONDS + " s", e);
        }
    }
}
