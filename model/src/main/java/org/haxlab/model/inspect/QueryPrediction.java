package org.haxlab.model.inspect;

/**
 * The model's answer at one inquiry key position.
 *
 * @param position       0-based position of the key token being asked about
 * @param expected       the true value token (from the information component)
 * @param predicted      argmax token
 * @param confidence     softmax probability of the predicted token
 * @param expectedProb   softmax probability of the expected token
 * @param logits         the full logits row at this position
 */
public record QueryPrediction(int position, int expected, int predicted, float confidence, float expectedProb,
                              float[] logits) {

    /** True when the argmax is the expected value. */
    public boolean correct() {
        return expected == predicted;
    }
}
