package org.haxlab.app.vm;

/**
 * How a sequence fits the length the model is padded to (spec §1: samples are right-padded).
 *
 * @param length    tokens with BOS (0 when there is no valid sequence)
 * @param maxLength the padded length
 */
public record LengthCheck(int length, int maxLength) {

    /** True when the sequence fits. */
    public boolean fits() {
        return length <= maxLength;
    }

    /** PAD tokens appended to reach {@link #maxLength()} (0 when too long). */
    public int padding() {
        return Math.max(0, maxLength - length);
    }

    /** E.g. {@code 22 tokens, padded with 1036 PAD to 1058} or {@code too long: 1100 tokens > 1058}. */
    public String message() {
        if (!fits()) {
            return "too long: " + length + " tokens > " + maxLength;
        }
        return length + " tokens, padded with " + padding() + " PAD to " + maxLength;
    }
}
