package org.haxlab.app.vm;

import org.haxlab.model.engine.DeviceChoice;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.train.CheckpointStore;
import org.haxlab.model.train.ModelFactory;
import org.haxlab.model.train.Wiring;

/** Builds the model of a {@link ModelSlot} on the model thread. */
@FunctionalInterface
public interface ModelLoader {

    /**
     * A new model, owned by the caller: weights initialised from the config's seed, or the slot's
     * checkpoint loaded into them.
     *
     * @throws Exception when the checkpoint cannot be used (the message says why) or the engine fails
     */
    LoadedModel open(ModelSlot slot, DeviceChoice device) throws Exception;

    /** The real models ({@link Wiring#models()}) and checkpoints ({@link CheckpointStore#loadInto}). */
    static ModelLoader standard() {
        return standard(Wiring.models());
    }

    /** Models from {@code factory}, checkpoints through {@link CheckpointStore}. */
    static ModelLoader standard(ModelFactory factory) {
        return (slot, device) -> {
            Device d = device.kind() == DeviceChoice.Kind.CPU ? Device.cpu() : Device.gpu(device.index());
            NDManager manager = NDManager.newBaseManager(d);
            SequenceModel model = null;
            try {
                model = factory.create(slot.config(), manager, d);
                if (slot.checkpoint() != null) {
                    new CheckpointStore().loadInto(slot.checkpoint(), model);
                }
                return new LoadedModel(model, slot.label(), slot, device, manager);
            } catch (Exception | Error e) {
                if (model != null) {
                    model.close();
                }
                manager.close();
                throw e;
            }
        };
    }
}
