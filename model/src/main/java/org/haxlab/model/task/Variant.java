package org.haxlab.model.task;

import java.util.Locale;

/** The task variants (spec §1): which questions a sequence asks and how it is laid out. */
public enum Variant {
    /** Multi-query joint recall: the whole n_c x n_k table is asked, two levels (context, key). */
    MQJR("mqjr", 2),
    /** One (context path, key) question after the information component. */
    SINGLE("single", 2),
    /** Joint recall with w levels: w - 1 context tiers, then the key; w = 1 is associative recall. */
    MULTILEVEL("multilevel", 3),
    /** Zoology-style multi-query associative recall: pairs, then queries scattered among noise. */
    MQAR("mqar", 1);

    private final String cliName;
    private final int defaultLevels;

    Variant(String cliName, int defaultLevels) {
        this.cliName = cliName;
        this.defaultLevels = defaultLevels;
    }

    /** Lower-case name used on the command line and in saved configs. */
    public String cliName() {
        return cliName;
    }

    /** Levels w this variant uses when none are given. */
    public int defaultLevels() {
        return defaultLevels;
    }

    /** True for the variants laid out as information, SEP, inquiry. */
    public boolean hasInquiryComponent() {
        return this != MQAR;
    }

    /** Parses a name such as {@code mqjr} (case-insensitive). */
    public static Variant parse(String name) {
        for (Variant v : values()) {
            if (v.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown variant '" + name + "'; expected one of mqjr, single, multilevel, mqar");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
