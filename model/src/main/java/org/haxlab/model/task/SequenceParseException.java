package org.haxlab.model.task;

import java.util.List;

/** A typed sequence is not valid; carries every problem found, in input order. */
public final class SequenceParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    /** The message lists at most this many errors; {@link #errors()} has them all. */
    public static final int MESSAGE_LIMIT = 20;

    private final transient List<SequenceError> errors;

    /** @param errors at least one error */
    public SequenceParseException(List<SequenceError> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    /** Every error found. */
    public List<SequenceError> errors() {
        return errors;
    }

    private static String describe(List<SequenceError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a parse exception needs at least one error");
        }
        StringBuilder sb = new StringBuilder(errors.size() == 1 ? "invalid sequence: 1 error" : "invalid sequence: "
                + errors.size() + " errors");
        for (int i = 0; i < Math.min(errors.size(), MESSAGE_LIMIT); i++) {
            sb.append(System.lineSeparator()).append("  ").append(errors.get(i).message());
        }
        if (errors.size() > MESSAGE_LIMIT) {
            sb.append(System.lineSeparator()).append("  ... and ").append(errors.size() - MESSAGE_LIMIT).append(" more");
        }
        return sb.toString();
    }
}
