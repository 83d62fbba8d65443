package org.haxlab.model.train;

/**
 * The one place that names the concrete model and task behind {@link ModelFactory} and
 * {@link TaskFactory} for the CLI and the app.
 *
 * <p>MERGE: this branch was written before {@code org.haxlab.model.nn.HaxModel} and
 * {@code org.haxlab.model.task.JointRecallTask} existed. The lead replaces the two bodies below with
 * {@code return HaxModel::new;} (or the model's factory method) and a {@code JointRecallTask}-backed
 * factory; nothing else refers to the concrete classes.
 */
public final class Wiring {

    private Wiring() {
    }

    /** The real model (HaxModel). */
    public static ModelFactory models() {
        // MERGE: return (config, manager, device) -> new HaxModel(config, manager, device);
        return (config, manager, device) -> {
            throw new IllegalStateException("no model is wired in this build (Wiring.models(); HaxModel lands at merge)");
        };
    }

    /** The real joint-recall generator (JointRecallTask). */
    public static TaskFactory tasks() {
        // MERGE: return spec -> new JointRecallTask(TaskConfig...)::draw;
        return spec -> {
            throw new IllegalStateException("no task generator is wired in this build (Wiring.tasks(); JointRecallTask lands at merge)");
        };
    }
}
