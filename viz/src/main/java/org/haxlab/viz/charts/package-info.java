/**
 * JFreeChart-FX wrappers: live training curves with per-frame batching
 * ({@link org.haxlab.viz.charts.LiveCurves}), sparsity per query and budget use
 * ({@link org.haxlab.viz.charts.SparsityChart}), and accuracy against table size with the
 * information-theoretic bound ({@link org.haxlab.viz.charts.CapacityChart}).
 */
package org.haxlab.viz.charts;
