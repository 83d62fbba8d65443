package org.haxlab.app.vm;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.haxlab.app.work.ModelWorker;

/**
 * Where the view models send model work: the app's single {@link ModelWorker} (work on the model
 * thread, callbacks on the FX thread); tests pass {@link #direct()} to run everything in line.
 */
@FunctionalInterface
public interface ModelWork {

    /**
     * Runs {@code work} off the FX thread, then {@code onSuccess} or {@code onFailure} back on it.
     *
     * @param work      the model work; may throw
     * @param onSuccess receives the result
     * @param onFailure receives what {@code work} threw
     */
    <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** The app's worker. */
    static ModelWork of(ModelWorker worker) {
        return worker::submit;
    }

    /** Runs the work and its callback in the caller's thread (tests, no Stage). */
    static ModelWork direct() {
        return new ModelWork() {
            @Override
            public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess,
                                   Consumer<? super Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Throwable t) { // as the worker does: native errors included
                    onFailure.accept(t);
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }
}
