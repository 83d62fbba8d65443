package org.haxlab.model.train;

import com.google.gson.JsonObject;

/** Builds the sequence generator of a task; the app and the CLI get theirs from {@link Wiring#tasks()}. */
@FunctionalInterface
public interface TaskFactory {

    /** A source of sequences for {@code spec}. */
    SequenceSource create(TaskSpec spec);

    /** What goes into the run record's {@code task} object (the spec, plus what the generator adds). */
    default JsonObject describe(TaskSpec spec) {
        return spec.toJson();
    }
}
