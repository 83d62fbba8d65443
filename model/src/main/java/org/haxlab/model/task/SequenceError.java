package org.haxlab.model.task;

/**
 * One problem found in a typed sequence.
 *
 * @param position  0-based position in the token sequence the model would see (BOS = 0, so the first typed
 *                  token is position 1); for an empty input 0, for an over-long one the first position past the limit
 * @param column    1-based character column in the input where the token starts; 0 when there is no token
 * @param token     the offending token as typed ("" when there is none)
 * @param reason    what is wrong, in words
 */
public record SequenceError(int position, int column, String token, String reason) {

    public SequenceError {
        if (token == null || reason == null) {
            throw new IllegalArgumentException("token and reason are required");
        }
    }

    /** E.g. {@code position 5 ('x', column 9): unknown token ...}. */
    public String message() {
        if (token.isEmpty()) {
            return "position " + position + ": " + reason;
        }
        return "position " + position + " ('" + token + "', column " + column + "): " + reason;
    }

    @Override
    public String toString() {
        return message();
    }
}
