package org.haxlab.viz.tokens;

import org.haxlab.model.task.TokenRole;

import java.util.List;

/**
 * The one colour mapping of the task's token roles ({@link TokenRole}, spec §1) for every view: the
 * token strip, the sequence editor's preview, the exports and their legends.
 *
 * <p>The colours are light tints so that black token text stays readable on them, and they are
 * disjoint from the component palette of the selection matrix
 * ({@link org.haxlab.viz.heatmap.ComponentColors}, Okabe-Ito): a reader never has to ask whether orange
 * means a value or a KS key. They were chosen so that every pair stays apart (CIELAB distance of at
 * least 10) under normal vision and simulated protanopia, deuteranopia and tritanopia, and each is
 * at least 9 away from every component colour; {@code PaletteTest} holds them to that.
 */
public final class RoleColors {
    /** Roles in legend order (reading order of a sequence); {@link TokenRole#UNUSED} never occurs in a valid one. */
    public static final List<TokenRole> LEGEND = List.of(TokenRole.CONTEXT, TokenRole.KEY, TokenRole.VALUE,
            TokenRole.QUERY, TokenRole.ANSWER, TokenRole.NOISE, TokenRole.SPECIAL);

    private RoleColors() {
    }

    /** The ARGB colour of {@code role}. */
    public static int of(TokenRole role) {
        return switch (role) {
            case CONTEXT -> 0xFFEEBBDD;   // pale rose
            case KEY -> 0xFFAAEEFF;       // pale cyan
            case VALUE -> 0xFFBBEE99;     // pale green
            case QUERY -> 0xFFFFE033;     // yellow: where loss and accuracy are taken
            case ANSWER -> 0xFF77BB66;    // green, darker than a stored value
            case NOISE -> 0xFFE8E8E8;     // near white
            case SPECIAL -> 0xFFAAAAAA;   // grey: BOS, PAD, SEP
            case UNUSED -> 0xFFFF7788;    // salmon: an id the task never uses
        };
    }

    /** The legend text of {@code role}. */
    public static String label(TokenRole role) {
        return switch (role) {
            case CONTEXT -> "context";
            case KEY -> "key";
            case VALUE -> "value";
            case QUERY -> "query key";
            case ANSWER -> "answer (teacher-forced)";
            case NOISE -> "noise";
            case SPECIAL -> "BOS / SEP / PAD";
            case UNUSED -> "unused id";
        };
    }
}
