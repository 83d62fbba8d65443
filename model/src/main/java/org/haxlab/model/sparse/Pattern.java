package org.haxlab.model.sparse;

import org.haxlab.model.trace.Component;

import java.util.List;

/**
 * Which sparse-attention branch a mixer carries (spec §3 table). {@link #NONE} is the plain SSM.
 * The budget k is split evenly over {@link #components()}.
 */
public enum Pattern {
    NONE("ssm", "Base", List.of()),
    FULL("full", "full", List.of(Component.FULL)),
    SW("sw", "+SW", List.of(Component.WINDOW)),
    A("a", "+A", List.of(Component.SINK, Component.WINDOW)),
    D("d", "+D", List.of(Component.DILATED)),
    SWD("swd", "+SW+D", List.of(Component.WINDOW, Component.DILATED)),
    LSH("lsh", "+LSH", List.of(Component.LSH)),
    KS("ks", "+KS", List.of(Component.KS)),
    HAX("hax", "+HAX", List.of(Component.LSH, Component.KS));

    private final String id;
    private final String label;
    private final List<Component> components;

    Pattern(String id, String label, List<Component> components) {
        this.id = id;
        this.label = label;
        this.components = components;
    }

    /** Command-line name: ssm, full, sw, a, d, swd, lsh, ks, hax. */
    public String id() {
        return id;
    }

    /** Row label as in the paper's Table 1. */
    public String label() {
        return label;
    }

    /** Components whose union is this pattern; empty for {@link #NONE}. */
    public List<Component> components() {
        return components;
    }

    /** True when the pattern depends on the sequence content (LSH buckets or KS scores). */
    public boolean contextDependent() {
        return components.contains(Component.LSH) || components.contains(Component.KS);
    }

    /** True when the mixer has a sparse branch at all. */
    public boolean hasAttention() {
        return this != NONE;
    }

    /** Parses {@link #id()} (case-insensitive); the error lists the accepted names. */
    public static Pattern parse(String text) {
        String t = text.trim();
        for (Pattern p : values()) {
            if (p.id.equalsIgnoreCase(t) || p.name().equalsIgnoreCase(t) || p.label.equalsIgnoreCase(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "unknown pattern '" + text + "' (expected one of ssm, full, sw, a, d, swd, lsh, ks, hax)");
    }
}
