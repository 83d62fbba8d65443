package org.haxlab.app.scenario;

import org.haxlab.app.vm.ModelSlot;

import java.util.List;

/**
 * A lesson that can be saved and reopened: a sequence, the models to run it through, the view
 * state, the classroom-mode flag, a title and a teaching note.
 *
 * @param title     shown in the window title and the scenario list
 * @param note      the teaching note: what to look at and why (plain text, may be empty)
 * @param sequence  the sequence in the text form (samples/README.md)
 * @param models    one model, or two to three to compare; checkpoints are absolute or relative to the working directory
 * @param view      where the user was looking
 * @param classroom true to hide the advanced knobs
 */
public record Scenario(String title, String note, String sequence, List<ModelSlot> models, ViewState view,
                       boolean classroom) {

    /** Most models one scenario holds: SSM, +SW, +KS and +HAX of one backbone side by side. */
    public static final int MAX_MODELS = 4;

    public Scenario {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a scenario needs a title");
        }
        if (sequence == null || sequence.isBlank()) {
            throw new IllegalArgumentException("a scenario needs a sequence");
        }
        if (models == null || models.isEmpty() || models.size() > MAX_MODELS) {
            throw new IllegalArgumentException("a scenario holds 1 to " + MAX_MODELS + " models, not "
                    + (models == null ? 0 : models.size()));
        }
        if (view == null) {
            throw new IllegalArgumentException("a scenario needs a view state");
        }
        note = note == null ? "" : note;
        models = List.copyOf(models);
    }
}
