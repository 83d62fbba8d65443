package org.haxlab.model.trace;

/** The two Mamba generations of the paper (spec §2). */
public enum Backbone {
    /** Mamba-1: per-channel, per-state decay exp(dt*A), A of shape (d_inner, N). */
    MAMBA1("mamba1", "Mamba"),
    /** Mamba-2 (SSD): one scalar decay per head, gated RMSNorm on the output. */
    MAMBA2("mamba2", "Mamba-2");

    private final String id;
    private final String label;

    Backbone(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** Command-line and file name, e.g. {@code mamba1}. */
    public String id() {
        return id;
    }

    /** Name as the paper writes it. */
    public String label() {
        return label;
    }

    /** Parses {@link #id()} (case-insensitive); the error lists the accepted names. */
    public static Backbone parse(String text) {
        for (Backbone b : values()) {
            if (b.id.equalsIgnoreCase(text.trim()) || b.name().equalsIgnoreCase(text.trim())) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown backbone '" + text + "' (expected mamba1 or mamba2)");
    }
}
