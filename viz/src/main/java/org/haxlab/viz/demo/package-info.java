/**
 * Synthetic, deterministic inspection records (no model behind them) and a demo window that fills
 * every view with them, for screenshots and tests.
 */
package org.haxlab.viz.demo;
