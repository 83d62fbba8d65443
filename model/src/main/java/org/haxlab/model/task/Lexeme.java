package org.haxlab.model.task;

/**
 * One input token, classified but not yet checked against its neighbours.
 *
 * @param kind      what it is
 * @param id        the token id for contexts, keys, values, SEP and noise; -1 otherwise
 * @param position  0-based model position (BOS = 0)
 * @param column    1-based character column
 * @param text      as typed
 * @param problem   why an {@link Kind#UNKNOWN} token is not understood
 */
record Lexeme(Kind kind, int id, int position, int column, String text, String problem) {

    /** Token classes of the text form. */
    enum Kind { CONTEXT, KEY, VALUE, QUERY, SEP, NOISE, UNKNOWN }

    SequenceError error(String reason) {
        return new SequenceError(position, column, text, reason);
    }
}
