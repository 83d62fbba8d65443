package org.haxlab.model.inspect;

import java.util.Arrays;

/**
 * The model's answer at one inquiry key position.
 *
 * @param position       0-based position of the key token being asked about
 * @param expected       the true value token (from the information component)
 * @param predicted      argmax token
 * @param confidence     softmax probability of the predicted token
 * @param expectedProb   softmax probability of the expected token
 * @param logits         the full logits row at this position
 *
 * <p>Immutable: the logits row (|V| floats) is copied in and out. Equality is by content.
 */
public record QueryPrediction(int position, int expected, int predicted, float confidence, float expectedProb,
                              float[] logits) {

    public QueryPrediction {
        if (logits == null) {
            throw new IllegalArgumentException("prediction at " + position + ": the logits row is required");
        }
        logits = logits.clone();
    }

    /** The full logits row at this position (a copy). */
    @Override
    public float[] logits() {
        return logits.clone();
    }

    /** True when the argmax is the expected value. */
    public boolean correct() {
        return expected == predicted;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueryPrediction p && position == p.position && expected == p.expected
                && predicted == p.predicted && Float.compare(confidence, p.confidence) == 0
                && Float.compare(expectedProb, p.expectedProb) == 0 && Arrays.equals(logits, p.logits);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * position + predicted) + Arrays.hashCode(logits);
    }

    @Override
    public String toString() {
        return "QueryPrediction[position=" + position + ", expected=" + expected + ", predicted=" + predicted
                + ", confidence=" + confidence + "]";
    }
}
