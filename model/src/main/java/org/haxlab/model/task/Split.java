package org.haxlab.model.task;

/** The three disjoint parts of a {@link Dataset}. */
public enum Split {
    TRAIN, VALIDATION, TEST
}
