package org.haxlab.app.zoo;

import java.nio.file.Path;
import java.util.Locale;
import org.haxlab.app.vm.ModelSlot;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;

/**
 * One trained model of the zoo.
 *
 * @param id          unique id scenarios refer to (e.g. "mamba2-hax")
 * @param name        shown in the app (e.g. "Mamba-2 +HAX")
 * @param checkpoint  the checkpoint directory (resolved against the zoo file's folder)
 * @param config      the model, as the checkpoint's run record holds it
 * @param grid        the tables it was trained on
 * @param steps       training steps
 * @param accuracy    held-out accuracy in [0, 1] on {@code evalSamples} sequences of the zoo's grid
 * @param evalSamples how many sequences the accuracy was measured on
 * @param seed        the training seed
 * @param command     the command that trained it ("" when not given)
 */
public record ZooModel(String id, String name, Path checkpoint, ModelConfig config, ZooGrid grid, int steps,
                       double accuracy, int evalSamples, long seed, String command) {

    public ZooModel {
        if (id == null || !id.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("id '" + id + "' must be lower-case letters, digits, '.', '_' or '-'");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is missing");
        }
        if (checkpoint == null || config == null || grid == null) {
            throw new IllegalArgumentException("checkpoint, config and grid are required");
        }
        if (!(accuracy >= 0 && accuracy <= 1)) {
            throw new IllegalArgumentException("accuracy " + accuracy + " must lie in 0..1");
        }
        if (steps < 0 || evalSamples < 0) {
            throw new IllegalArgumentException("steps and evalSamples must not be negative");
        }
        command = command == null ? "" : command;
    }

    /** The backbone. */
    public Backbone backbone() {
        return config.backbone();
    }

    /** The sparse pattern. */
    public Pattern pattern() {
        return config.sparse().pattern();
    }

    /** The slot the app runs: the zoo name with its accuracy, the config and the checkpoint. */
    public ModelSlot slot() {
        return new ModelSlot(label(), config, checkpoint);
    }

    /** "Mamba-2 +HAX (zoo, 95.0 %)". */
    public String label() {
        return name + String.format(Locale.ROOT, " (zoo, %.1f %%)", 100 * accuracy);
    }
}
