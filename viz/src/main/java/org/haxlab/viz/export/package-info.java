/**
 * Exports that stand alone: PNG of a view under a header naming title, model, layer and sequence
 * ({@link org.haxlab.viz.export.FigureExport}, {@link org.haxlab.viz.export.FigureInfo}; charts also
 * through {@link org.haxlab.viz.export.ImageExport}), CSV of the data behind the views with token text
 * ({@link org.haxlab.viz.export.CsvExport}), and SVG figures of the selection matrix (axes, component
 * legend with weight ramps) and of the token strip (role legend) through a small writer
 * ({@link org.haxlab.viz.export.SvgExport}); JFreeChart 1.5 has no SVG support and JFreeSVG is not a
 * dependency, so charts export as PNG only.
 */
package org.haxlab.viz.export;
