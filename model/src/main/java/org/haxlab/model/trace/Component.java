package org.haxlab.model.trace;

/**
 * The part of a sparse pattern that selected a key (spec §3). A key may be selected by several
 * components at once; selections carry a bit mask with bit {@link #bit()} per component.
 */
public enum Component {
    WINDOW("window"),
    SINK("sink"),
    DILATED("dilated"),
    LSH("lsh"),
    KS("ks"),
    FULL("full");

    private final String id;

    Component(String id) {
        this.id = id;
    }

    /** Name used in JSON, CSV and the views. */
    public String id() {
        return id;
    }

    /** This component's bit in a selection mask. */
    public int bit() {
        return 1 << ordinal();
    }

    /** True when {@code mask} contains this component. */
    public boolean in(int mask) {
        return (mask & bit()) != 0;
    }
}
