/**
 * View models of the HAX Lab window (AtlantaFX style): state in {@code ReadOnly*Wrapper}s, only
 * read-only properties exposed, every change through a command method that validates it. They hold
 * no JavaFX nodes, so tests drive them without a Stage; views in {@code app.ui} bind to them.
 */
package org.haxlab.app.vm;
