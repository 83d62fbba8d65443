package org.haxlab.app.vm;

/**
 * How a sequence fits the length the model is padded to (spec §1: samples are right-padded).
 *
 * @param length    tokens with BOS (0 when unknown: the text has errors other than its length)
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

    /**
     * E.g. {@code 22 tokens, padded with 1036 PAD to 1058}, {@code too long: 1100 tokens > 1058}, or
     * {@code padded length 1058} while the length is unknown.
     */
    public String message() {
        if (length == 0) {
            return "padded length " + maxLength;
        }
        if (!fits()) {
            return "too long: " + length + " tokens > " + maxLength;
        }
        return length + " tokens, padded with " + padding() + " PAD to " + maxLength;
    }
}
