/**
 * The application's entry point: {@link org.haxlab.app.Main} opens the window with no arguments and
 * runs the command line otherwise; {@code cli} holds the commands, {@code ui} the views, {@code vm} their
 * view models, {@code scenario} scenario files and {@code work} the single model-work executor.
 */
package org.haxlab.app;
