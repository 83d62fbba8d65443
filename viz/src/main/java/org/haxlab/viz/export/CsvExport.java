package org.haxlab.viz.export;

import org.haxlab.model.inspect.QueryPrediction;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Component;
import org.haxlab.viz.heatmap.MatrixRaster;

import java.io.IOException;
import java.util.List;
import java.util.function.IntFunction;

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
     * Every selected pair with the tokens' text:
     * {@code query,query_token,key,key_token,components,weight} with components as ids joined by '+'
     * (spec names: window, sink, dilated, lsh, ks, full).
     *
     * @param tokens the sequence the model saw, as long as the selection
     * @param names  token id to text
     */
    public static void selection(AttentionSelection sel, int[] tokens, IntFunction<String> names, Appendable out)
            throws IOException {
        if (tokens.length != sel.length()) {
            throw new IllegalArgumentException("csv export: " + tokens.length + " tokens for a selection of "
                    + sel.length() + " positions");
        }
        out.append("query,query_token,key,key_token,components,weight\n");
        for (int i = 0; i < sel.length(); i++) {
            String query = i + "," + field(names.apply(tokens[i])) + ",";
            for (int e = sel.offsets()[i]; e < sel.offsets()[i + 1]; e++) {
                int k = sel.keys()[e];
                out.append(query).append(Integer.toString(k)).append(',').append(field(names.apply(tokens[k])))
                        .append(',').append(componentIds(sel.components()[e])).append(',')
                        .append(Float.toString(sel.weights()[e])).append('\n');
            }
        }
    }

    /**
     * Predictions with token text:
     * {@code position,query_token,expected,expected_token,predicted,predicted_token,confidence,expected_prob,correct}.
     */
    public static void predictions(int[] tokens, List<QueryPrediction> predictions, IntFunction<String> names,
                                   Appendable out) throws IOException {
        out.append("position,query_token,expected,expected_token,predicted,predicted_token,confidence,expected_prob,"
                + "correct\n");
        for (QueryPrediction q : predictions) {
            if (q.position() < 0 || q.position() >= tokens.length) {
                throw new IllegalArgumentException("csv export: query position " + q.position() + " is outside the "
                        + tokens.length + "-token sequence");
            }
            out.append(q.position() + "," + field(names.apply(tokens[q.position()])) + "," + q.expected() + ","
                    + field(names.apply(q.expected())) + "," + q.predicted() + "," + field(names.apply(q.predicted()))
                    + "," + q.confidence() + "," + q.expectedProb() + "," + q.correct() + "\n");
        }
    }

    /** A CSV field: quoted (with doubled quotes) when it holds a comma, a quote or a line break (RFC 4180). */
    static String field(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
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
