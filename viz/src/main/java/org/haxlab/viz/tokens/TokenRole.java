package org.haxlab.viz.tokens;

import org.haxlab.model.task.Vocabulary;
import org.haxlab.viz.heatmap.Palettes;

/**
 * What a token is in a joint-recall sequence (spec §1 ids), for colouring the token strip.
 * A value is a {@link #QUERY_VALUE} when it follows SEP: it is then a teacher-forced answer, not stored
 * information.
 */
public enum TokenRole {
    /** Context tokens (ids 42..57). */
    CONTEXT("context", Palettes.REDDISH_PURPLE),
    /** Key tokens (ids 26..41), in both components. */
    KEY("key", Palettes.SKY_BLUE),
    /** Value tokens (ids 10..25) before SEP: the information component. */
    VALUE("value", Palettes.ORANGE),
    /** Value tokens after SEP: the answers, teacher-forced. */
    QUERY_VALUE("query value", Palettes.YELLOW),
    /** BOS, PAD, SEP and every id the task does not use. */
    SPECIAL("special", 0xFFBDBDBD);

    private final String label;
    private final int argb;

    TokenRole(String label, int argb) {
        this.label = label;
        this.argb = argb;
    }

    /** Name in the legend. */
    public String label() {
        return label;
    }

    /** Colour in the strip (Okabe-Ito; grey for specials). */
    public int argb() {
        return argb;
    }

    /** The role of token {@code id}; {@code afterSep} tells values in the inquiry component apart. */
    public static TokenRole of(int id, boolean afterSep) {
        if (id >= Vocabulary.CONTEXT_BASE && id < Vocabulary.CONTEXT_BASE + Vocabulary.SLOTS) {
            return CONTEXT;
        }
        if (id >= Vocabulary.KEY_BASE && id < Vocabulary.KEY_BASE + Vocabulary.SLOTS) {
            return KEY;
        }
        if (id >= Vocabulary.VALUE_BASE && id < Vocabulary.VALUE_BASE + Vocabulary.SLOTS) {
            return afterSep ? QUERY_VALUE : VALUE;
        }
        return SPECIAL;
    }

    /** Roles of a whole sequence: values after the first SEP are query values. */
    public static TokenRole[] roles(int[] tokens) {
        TokenRole[] out = new TokenRole[tokens.length];
        boolean afterSep = false;
        for (int i = 0; i < tokens.length; i++) {
            afterSep |= tokens[i] == Vocabulary.SEP;
            out[i] = of(tokens[i], afterSep);
        }
        return out;
    }
}
