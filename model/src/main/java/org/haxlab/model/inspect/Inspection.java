package org.haxlab.model.inspect;

import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.trace.LayerInspection;

import java.util.List;

/**
 * One sequence through one model: per-layer inspections plus the predictions at every query.
 *
 * @param config       the model that produced it
 * @param tokens       the token ids the model saw (BOS at 0)
 * @param layers       one per mixer layer, in order
 * @param predictions  one per inquiry key position, in position order
 * @param predictedAt  argmax token at every position
 */
public record Inspection(ModelConfig config, int[] tokens, List<LayerInspection> layers,
                         List<QueryPrediction> predictions, int[] predictedAt) {

    public int length() {
        return tokens.length;
    }

    /** Fraction of queries answered correctly (NaN when there is no query). */
    public double accuracy() {
        if (predictions.isEmpty()) {
            return Double.NaN;
        }
        return predictions.stream().filter(QueryPrediction::correct).count() / (double) predictions.size();
    }
}
