/**
 * The selection matrix as a reader needs it ({@link org.haxlab.viz.selection.AlignedSelection}): the
 * matrix with token axes on both sides and the token strip under its columns, aligned at every zoom.
 * It joins {@code viz.heatmap} and {@code viz.tokens}, which do not know each other.
 */
package org.haxlab.viz.selection;
