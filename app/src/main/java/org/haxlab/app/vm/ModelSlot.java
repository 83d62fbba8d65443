package org.haxlab.app.vm;

import org.haxlab.model.nn.ModelConfig;

import java.nio.file.Path;

/**
 * One model of a comparison or a scenario.
 *
 * @param label      what the user calls it (defaults to {@link ModelConfig#label()})
 * @param config     its definition
 * @param checkpoint trained weights to load, or null for the freshly initialised model
 */
public record ModelSlot(String label, ModelConfig config, Path checkpoint) {

    public ModelSlot {
        if (config == null) {
            throw new IllegalArgumentException("a model slot needs a model config");
        }
        if (label == null || label.isBlank()) {
            label = config.label();
        }
    }

    /** A slot labelled after its config, without checkpoint. */
    public static ModelSlot of(ModelConfig config) {
        return new ModelSlot(null, config, null);
    }
}
