package org.haxlab.app.vm;

import javafx.application.Platform;
import org.haxlab.app.work.ModelWorker;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The window's {@link ModelWork}: on the one model thread, but routed through the training side panel
 * once it is attached, because a training run occupies that thread for its whole length; the panel runs
 * queued work between two steps (or while paused). Callbacks come back on the FX thread.
 */
public final class TrainingAwareWork implements ModelWork {

    private final ModelWorker worker;
    private final TrainingViewModel training;

    private TrainingAwareWork(ModelWorker worker, TrainingViewModel training) {
        this.worker = worker;
        this.training = training;
    }

    /** Work on {@code worker}, between the steps of {@code training}'s runs. */
    public static ModelWork of(ModelWorker worker, TrainingViewModel training) {
        return new TrainingAwareWork(worker, training);
    }

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        CompletableFuture<T> future;
        try {
            CompletableFuture<T> viaTraining = training.submitWork(work);
            future = viaTraining != null ? viaTraining : worker.submit(work);
        } catch (RejectedExecutionException e) {
            // the app is quitting and the model thread is gone (e.g. quit while training was paused, whose
            // stopping run still hands its model to the views): there is nothing left to show it on
            return;
        }
        future.whenComplete((result, error) -> Platform.runLater(() -> {
            if (error == null) {
                onSuccess.accept(result);
            } else {
                onFailure.accept(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            }
        }));
    }
}
