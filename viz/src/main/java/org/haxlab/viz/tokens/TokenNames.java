package org.haxlab.viz.tokens;

import org.haxlab.model.task.Vocabulary;

import java.util.function.IntFunction;

/**
 * The default token-id to text mapping of the views (spec §1 ids): contexts A..P, keys a..p,
 * values 0..15, and BOS / PAD / SEP; anything else prints as {@code #id}. The task package owns the
 * canonical naming, so every view takes the mapping as a constructor parameter and uses this only
 * when none is given.
 */
public final class TokenNames {
    /** The default mapping. */
    public static final IntFunction<String> DEFAULT = TokenNames::name;

    private TokenNames() {
    }

    /** Text of one token id. */
    public static String name(int id) {
        if (id >= Vocabulary.CONTEXT_BASE && id < Vocabulary.CONTEXT_BASE + Vocabulary.SLOTS) {
            return String.valueOf((char) ('A' + id - Vocabulary.CONTEXT_BASE));
        }
        if (id >= Vocabulary.KEY_BASE && id < Vocabulary.KEY_BASE + Vocabulary.SLOTS) {
            return String.valueOf((char) ('a' + id - Vocabulary.KEY_BASE));
        }
        if (id >= Vocabulary.VALUE_BASE && id < Vocabulary.VALUE_BASE + Vocabulary.SLOTS) {
            return String.valueOf(id - Vocabulary.VALUE_BASE);
        }
        return switch (id) {
            case Vocabulary.BOS -> "BOS";
            case Vocabulary.PAD -> "PAD";
            case Vocabulary.SEP -> "SEP";
            default -> "#" + id;
        };
    }
}
