package org.haxlab.model.train;

/**
 * A base class for listeners that override a few methods (all of {@link TrainingListener}'s
 * methods already have empty defaults; this class exists for readers used to DJL's adapter).
 */
public abstract class TrainingListenerAdapter implements TrainingListener {
}
