package org.haxlab.viz;

import javafx.application.Platform;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the JavaFX toolkit once per JVM (headless Monocle under surefire, see the parent pom's
 * argLine) and offers {@link #onFx(Callable)} to run test code on the FX thread with a latch.
 */
public final class FxExtension implements BeforeAllCallback {
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
            CountDownLatch latch = new CountDownLatch(1);
            try {
                Platform.startup(latch::countDown);
            } catch (IllegalStateException alreadyRunning) {
                latch.countDown();
            }
            Platform.setImplicitExit(false);
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("JavaFX toolkit did not start within 20 s");
            }
            started = true;
        }
    }

    /** Runs {@code work} on the FX thread and returns its result, rethrowing what it threw. */
    public static <T> T onFx(Callable<T> work) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(work.call());
            } catch (Throwable t) {
                error.set(t);
            } finally {
                done.countDown();
            }
        });
        if (!done.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("FX work did not finish within 20 s");
        }
        if (error.get() instanceof Exception e) {
            throw e;
        }
        if (error.get() != null) {
            throw new AssertionError(error.get());
        }
        return result.get();
    }

    /** Waits until the FX thread has run everything queued so far (one pulse's worth of runLater). */
    public static void drain() throws Exception {
        onFx(() -> null);
    }
}
