package org.haxlab.viz.export;

import org.haxlab.model.inspect.QueryPrediction;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Component;
import org.haxlab.viz.heatmap.MatrixRaster;

import java.io.IOException;
import java.util.List;

/**
 * Plain CSV (comma-separated, '\n' line ends, '.' decimals, full float precision) of the data behind
 * the views, so a figure can be redrawn elsewhere.
 */
public final class CsvExport {
    private CsvExport() {
    }

    /** A rows x cols matrix, one row per line, with no header. */
    public static void matrix(float[] values, int rows, int cols, Appendable out) throws IOException {
        MatrixRaster.checkShape(values, rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out.append(c == 0 ? "" : ",").append(Float.toString(values[r * cols + c]));
            }
            out.append('\n');
        }
    }

    /**
     * Every selected pair: {@code query,key,components,weight} with components as ids joined by '+'
     * (spec names: window, sink, dilated, lsh, ks, full).
     */
    public static void selection(AttentionSelection sel, Appendable out) throws IOException {
        out.append("query,key,components,weight\n");
        for (int i = 0; i < sel.length(); i++) {
            for (int e = sel.offsets()[i]; e < sel.offsets()[i + 1]; e++) {
                out.append(Integer.toString(i)).append(',').append(Integer.toString(sel.keys()[e])).append(',')
                        .append(componentIds(sel.components()[e])).append(',')
                        .append(Float.toString(sel.weights()[e])).append('\n');
            }
        }
    }

    /** Predictions: {@code position,expected,predicted,confidence,expected_prob,correct}. */
    public static void predictions(List<QueryPrediction> predictions, Appendable out) throws IOException {
        out.append("position,expected,predicted,confidence,expected_prob,correct\n");
        for (QueryPrediction q : predictions) {
            out.append(q.position() + "," + q.expected() + "," + q.predicted() + "," + q.confidence() + ","
                    + q.expectedProb() + "," + q.correct() + "\n");
        }
    }

    /** Component ids of a mask joined by '+', in enum order. */
    public static String componentIds(int mask) {
        StringBuilder s = new StringBuilder();
        for (Component c : Component.values()) {
            if (c.in(mask)) {
                s.append(s.length() == 0 ? "" : "+").append(c.id());
            }
        }
        return s.toString();
    }
}
