package org.haxlab.app.vm.main;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import org.haxlab.app.vm.AppController;
import org.haxlab.app.vm.Confirm;
import org.haxlab.app.vm.ModelSlot;
import org.haxlab.app.vm.TrainingViewModel;
import org.haxlab.model.nn.ModelConfig;

/**
 * Asks before a change takes a trained model the user brought into view out of it: the model being
 * trained (once it took a step), or the trained weights of a checkpoint or a lesson the user opened. The
 * answer is an explicit Replace or Keep ({@link Confirm}); nothing the user made is replaced silently.
 *
 * <p>No question for what the user did not make or can simply get back: the zoo's model the app opens on,
 * an untrained model, or a checkpoint or lesson replaced by opening another one (File > Open names the new
 * one; the old one is still on disk). Play and Step always hand the views to the model being trained: that
 * is what they are for, and the opened checkpoint stays chosen in the model bar.
 */
public final class ReplaceGuard {
    private final AppController controller;
    private final TrainingViewModel training;
    private final Supplier<ModelSource> source;
    private Confirm confirm = Confirm.GO_AHEAD;

    ReplaceGuard(AppController controller, TrainingViewModel training, Supplier<ModelSource> source) {
        this.controller = controller;
        this.training = training;
        this.source = source;
    }

    /** Who answers (the window's dialog; a view model without a window goes ahead, as before). */
    public void setConfirm(Confirm confirm) {
        this.confirm = Objects.requireNonNull(confirm, "confirm");
    }

    /**
     * Before a File > Open or a lesson's model replaces the model in view: asks while the views show the
     * model being trained. True to go ahead.
     *
     * @param replacement what would be shown instead, e.g. "the lesson's model"
     */
    public boolean openInstead(String replacement) {
        return source.get() != ModelSource.TRAINING || ask(replacement);
    }

    /** Before a model bar edit makes {@code next} (null: no valid model) the model in view. True to go ahead. */
    boolean barEdit(ModelConfig next) {
        Path cp = controller.checkpointFor(next);
        return ask(next == null ? "the model bar's settings (they make no model yet)"
                : cp != null ? next.label() + " with the weights of checkpoint " + cp.getFileName()
                : "an untrained " + next.label());
    }

    private boolean ask(String replacement) {
        String kept = kept();
        if (kept == null) {
            return true;
        }
        boolean trained = source.get() == ModelSource.TRAINING;
        String label = controller.modelLabelProperty().get();
        return confirm.ask(new Confirm.Question("Replace the model in view?",
                "Replace " + kept + " with " + replacement + "?",
                "Every view shows " + (label.isEmpty() ? kept : label) + ". "
                        + (trained ? "Replace shows " + replacement + " instead; training goes on in the side panel,"
                        + " and Play or Step shows its model again."
                        : "Replace shows " + replacement + " instead; the checkpoint stays on disk (open it or the"
                        + " lesson again to bring it back).")
                        + " Keep leaves the views (and the model bar) as they are.",
                "Replace", "Keep"));
    }

    /** The indicator's text: the model in view, its source, and why a chosen checkpoint is not used. */
    String indicator() {
        String label = controller.modelLabelProperty().get();
        String why = source.get() == ModelSource.TRAINING ? "" : controller.checkpointNotUsed();
        return (label.isEmpty() ? "no model run yet" : label) + "  ·  from " + source.get().label()
                + (why.isEmpty() ? "" : "  ·  " + why);
    }

    /** The trained model in view the user would lose sight of, or null when no question is needed. */
    private String kept() {
        switch (source.get()) {
            case TRAINING -> {
                return controller.showsExternalModel() && training.stepProperty().get() > 0
                        ? "the model being trained" : null;
            }
            case CHECKPOINT, LESSON -> {
                ModelSlot s = controller.wantedSlot();
                if (controller.showsExternalModel() || s == null || s.checkpoint() == null) {
                    return null;
                }
                return source.get() == ModelSource.LESSON ? "the lesson's trained model"
                        : "the trained model of checkpoint " + s.checkpoint().getFileName();
            }
            default -> {
                return null;
            }
        }
    }
}
