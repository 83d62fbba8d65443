package org.haxlab.model.train;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.nn.SequenceModel;

/**
 * Builds a model from its configuration: weights initialised from {@code config.initSeed()} on
 * {@code device}, on a sub-manager of {@code manager}. The app and the CLI get theirs from {@link Wiring#models()}.
 */
@FunctionalInterface
public interface ModelFactory {

    /** A new model; the caller closes it. */
    SequenceModel create(ModelConfig config, NDManager manager, Device device);
}
