/**
 * The single model-work executor: every DJL call of the GUI runs on its one thread, results come back
 * to the JavaFX thread with {@code Platform.runLater}. One thread because the engine, the models' weights
 * and their {@code NDManager}s are not meant to be shared across threads, and because it keeps the order
 * of user actions (generate, then inspect) the order of execution.
 */
package org.haxlab.app.work;
