/**
 * Engine start-up: the one place that starts DJL's PyTorch engine (offline), says which engine, version
 * and device we got and why, shows the progress of the first-start unpacking of the natives, and turns
 * every start-up failure into an {@link org.haxlab.model.engine.EngineUnavailableException} with a
 * message a user can act on.
 *
 * <p>Entry points: {@link org.haxlab.model.engine.EngineStartup#start(ProgressListener)} and
 * {@link org.haxlab.model.engine.DeviceChoice#resolve(EngineInfo)}.
 */
package org.haxlab.model.engine;
