/**
 * Exports: PNG of any node or chart ({@link org.haxlab.viz.export.ImageExport}), CSV of the data
 * behind the views ({@link org.haxlab.viz.export.CsvExport}), and SVG of the selection matrix and the
 * token strip through a small writer ({@link org.haxlab.viz.export.SvgExport}); JFreeChart 1.5 has no
 * SVG support and JFreeSVG is not a dependency, so charts export as PNG only.
 */
package org.haxlab.viz.export;
