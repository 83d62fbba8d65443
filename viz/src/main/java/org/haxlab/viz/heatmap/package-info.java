/**
 * Pixel-buffer matrix views: the L x L attention selection matrix coloured by component
 * ({@link org.haxlab.viz.heatmap.SelectionMatrixView}), a generic float heatmap
 * ({@link org.haxlab.viz.heatmap.MatrixHeatmap}), axes with position and token ticks at every zoom
 * ({@link org.haxlab.viz.heatmap.AxisRuler}), colour bars, legends and the colour-blind-safe palettes
 * (components: {@link org.haxlab.viz.heatmap.ComponentColors}, disjoint from the token-role colours of
 * {@code viz.tokens}). Rendering cores ({@link org.haxlab.viz.heatmap.SelectionRaster},
 * {@link org.haxlab.viz.heatmap.MatrixRaster}) are pure functions from records to ARGB buffers.
 */
package org.haxlab.viz.heatmap;
