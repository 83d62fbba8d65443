/**
 * Pixel-buffer matrix views: the L x L attention selection matrix coloured by component
 * ({@link org.haxlab.viz.heatmap.SelectionMatrixView}), a generic float heatmap
 * ({@link org.haxlab.viz.heatmap.MatrixHeatmap}), colour bars, legends and the colour-blind-safe
 * palettes. Rendering cores ({@link org.haxlab.viz.heatmap.SelectionRaster},
 * {@link org.haxlab.viz.heatmap.MatrixRaster}) are pure functions from records to ARGB buffers.
 */
package org.haxlab.viz.heatmap;
