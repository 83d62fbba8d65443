package org.haxlab.model.inspect;

import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.trace.LayerInspection;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One sequence through one model: per-layer inspections plus the predictions at every query.
 *
 * <p>Immutable: the constructor copies the arrays and lists, the array accessors return copies
 * ({@link #token(int)} and {@link #predictedAt(int)} read one position). The layers' own contents follow
 * {@link LayerInspection}. Equality is by content.
 *
 * @param config       the model that produced it
 * @param tokens       the token ids the model saw (BOS at 0)
 * @param layers       one per mixer layer, in order
 * @param predictions  one per inquiry key position, in position order
 * @param predictedAt  argmax token at every position
 */
public record Inspection(ModelConfig config, int[] tokens, List<LayerInspection> layers,
                         List<QueryPrediction> predictions, int[] predictedAt) {

    public Inspection {
        if (config == null || tokens == null || layers == null || predictions == null || predictedAt == null) {
            throw new IllegalArgumentException(
                    "inspection: config, tokens, layers, predictions and predictedAt are required");
        }
        tokens = tokens.clone();
        layers = List.copyOf(layers);
        predictions = List.copyOf(predictions);
        predictedAt = predictedAt.clone();
    }

    /** The token ids the model saw (a copy). */
    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    /** Argmax token at every position (a copy). */
    @Override
    public int[] predictedAt() {
        return predictedAt.clone();
    }

    /** The token id at position {@code i}. */
    public int token(int i) {
        return tokens[i];
    }

    /** The argmax token at position {@code i}. */
    public int predictedAt(int i) {
        return predictedAt[i];
    }

    /** Number of positions. */
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Inspection i && config.equals(i.config) && Arrays.equals(tokens, i.tokens)
                && layers.equals(i.layers) && predictions.equals(i.predictions)
                && Arrays.equals(predictedAt, i.predictedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(config, Arrays.hashCode(tokens), layers, predictions);
    }

    @Override
    public String toString() {
        return "Inspection[" + config.label() + ", length=" + tokens.length + ", layers=" + layers.size()
                + ", queries=" + predictions.size() + "]";
    }
}
