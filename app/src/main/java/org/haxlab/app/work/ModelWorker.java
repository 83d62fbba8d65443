package org.haxlab.app.work;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The one executor for all model work (engine start, generation, inspection, training). Work runs in
 * submission order on a single daemon thread; callbacks run on the UI thread.
 */
public final class ModelWorker implements AutoCloseable {

    /** Name of the worker thread (visible in thread dumps and profilers). */
    public static final String THREAD_NAME = "haxlab-model-worker";

    private final ExecutorService executor;
    private final Executor uiThread;
    private volatile Thread workerThread;

    /** A worker whose callbacks run on the JavaFX application thread. */
    public ModelWorker() {
        this(Platform::runLater);
    }

    /**
     * A worker whose callbacks run on {@code uiThread} (tests pass a direct or recording executor).
     *
     * @param uiThread where success and failure callbacks run
     */
    public ModelWorker(Executor uiThread) {
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, THREAD_NAME);
            // Daemon: a long training step must not keep the JVM alive after the window closed.
            thread.setDaemon(true);
            workerThread = thread;
            return thread;
        });
    }

    /**
     * Runs {@code work} on the model thread, then {@code onSuccess} or {@code onFailure} on the UI thread.
     *
     * @param work      the model work; may throw
     * @param onSuccess receives the result on the UI thread
     * @param onFailure receives what {@code work} threw (unwrapped) on the UI thread
     * @return completes with the result (or the failure) once the work is done, before the callback runs
     * @throws java.util.concurrent.RejectedExecutionException after {@link #close()}
     */
    public <T> CompletableFuture<T> submit(Callable<T> work, Consumer<? super T> onSuccess,
                                           Consumer<? super Throwable> onFailure) {
        Objects.requireNonNull(onSuccess, "onSuccess");
        Objects.requireNonNull(onFailure, "onFailure");
        CompletableFuture<T> result = submit(work);
        result.whenComplete((value, failure) -> {
            if (failure == null) {
                uiThread.execute(() -> onSuccess.accept(value));
            } else {
                Throwable cause = unwrap(failure);
                uiThread.execute(() -> onFailure.accept(cause));
            }
        });
        return result;
    }

    /**
     * Runs {@code work} on the model thread; no UI callback.
     *
     * @throws java.util.concurrent.RejectedExecutionException after {@link #close()}
     */
    public <T> CompletableFuture<T> submit(Callable<T> work) {
        Objects.requireNonNull(work, "work");
        CompletableFuture<T> result = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) { // errors from native code included: the UI must hear about them
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    /** True when called from the model thread (for assertions in code that must run there). */
    public boolean isModelThread() {
        return Thread.currentThread() == workerThread;
    }

    /** True once {@link #close()} was called. */
    public boolean isClosed() {
        return executor.isShutdown();
    }

    /**
     * Stops taking work, lets the running task finish for up to two seconds, then interrupts it.
     * Called when the application exits.
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
                // Native calls ignore interrupts; give the task a moment, then leave the daemon thread be.
                executor.awaitTermination(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
