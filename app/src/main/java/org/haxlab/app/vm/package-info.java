/**
 * View models of the HAX Lab window (AtlantaFX style): state in {@code ReadOnly*Wrapper}s, only
 * read-only properties exposed, every change through a command method that validates it. They hold
 * no JavaFX nodes, so tests drive them without a Stage; views in {@code app.ui} bind to them.
 * {@link org.haxlab.app.vm.AppController} is the pipeline (sequence + model bar -> model run on the
 * model thread -> inspection), {@link org.haxlab.app.vm.CompareRunner} and
 * {@link org.haxlab.app.vm.CapacityViewModel} run the other model work; all of it goes through
 * {@link org.haxlab.app.vm.ModelWork}, so tests run it in line.
 */
package org.haxlab.app.vm;
