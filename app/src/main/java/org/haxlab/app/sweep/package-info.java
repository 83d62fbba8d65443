/**
 * {@code haxlab sweep}: a grid of arbitrary {@code train} configurations (backbone x pattern x seed x learning rate x
 * width ...) run as child processes by the same scheduler as {@code table} ({@link org.haxlab.app.jobs}): the grid
 * and each configuration's run folder and arguments ({@link org.haxlab.app.sweep.SweepGrid}), what an interrupted
 * sweep does with each folder and the summary CSV ({@link org.haxlab.app.sweep.SweepReport}).
 */
package org.haxlab.app.sweep;
