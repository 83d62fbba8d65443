package org.haxlab.model.engine;

/**
 * The engine could not start. The message says what failed, where, and what to do; it is meant to be
 * shown to the user as-is (the cause stays attached for logs).
 */
public final class EngineUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure with a user-facing message and the low-level cause. */
    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A failure with a user-facing message only. */
    public EngineUnavailableException(String message) {
        super(message);
    }
}
