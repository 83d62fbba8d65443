/**
 * The training side panel's model-thread half and its value types: the settings a run is built from
 * ({@link org.haxlab.app.vm.training.TrainingSettings}, {@link org.haxlab.app.vm.training.Preset}), the
 * session that owns the model and trainer on the one model-work executor
 * ({@link org.haxlab.app.vm.training.TrainingSession}), the updates it streams to the FX thread
 * ({@link org.haxlab.app.vm.training.TrainingUpdate}) through an {@link org.haxlab.app.vm.training.UpdateInbox},
 * and the FX-thread state those updates change ({@link org.haxlab.app.vm.training.RunState} with its curves
 * and readout). No JavaFX nodes live here.
 */
package org.haxlab.app.vm.training;
