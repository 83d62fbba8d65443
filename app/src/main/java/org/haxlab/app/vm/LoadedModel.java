package org.haxlab.app.vm;

import org.haxlab.model.engine.DeviceChoice;

import ai.djl.ndarray.NDManager;
import org.haxlab.model.nn.SequenceModel;

/**
 * A model the window runs: what it is, and who frees it. Models the app built are owned (closing
 * frees the weights and their manager); a model handed in from outside (a training run) is not.
 *
 * @param model   the model
 * @param label   what the views call it
 * @param slot    the definition it was built from, or null for an outside model
 * @param device  where it runs
 * @param manager the manager that holds its weights and that closing frees, or null when not owned
 */
public record LoadedModel(SequenceModel model, String label, ModelSlot slot, DeviceChoice device, NDManager manager)
        implements AutoCloseable {

    /** A model owned by someone else: {@link #close()} leaves it alone. */
    public static LoadedModel external(SequenceModel model, String label) {
        return new LoadedModel(model, label == null || label.isBlank() ? model.config().label() : label, null, null, null);
    }

    /** True when closing frees the model. */
    public boolean owned() {
        return manager != null;
    }

    /** True when this model was built from {@code wanted} on {@code where}. */
    public boolean matches(ModelSlot wanted, DeviceChoice where) {
        return slot != null && slot.equals(wanted) && java.util.Objects.equals(device, where);
    }

    /** Frees the weights of an owned model. */
    @Override
    public void close() {
        if (owned()) {
            try {
                model.close();
            } finally {
                manager.close();
            }
        }
    }
}
