package org.haxlab.model.task;

/**
 * Sequence lengths of every variant, so that batches, models and views agree on them.
 *
 * <p>The information component of w levels nests: one level is n_k (key, value) pairs; each
 * further level is n_c groups, each a context token followed by the level below. For w = 2
 * this gives n_c * (1 + 2 n_k) and the MQJR length 2 + 2 n_c (1 + 2 n_k) of spec §1.
 */
public final class Layout {

    private Layout() {
    }

    /** The MQJR length of spec §1: 2 + 2 n_c (1 + 2 n_k). */
    public static int length(int contexts, int keys) {
        return 2 + 2 * contexts * (1 + 2 * keys);
    }

    /** Tokens of the information component with {@code levels} levels. */
    public static long infoLength(int levels, int contexts, int keys) {
        long n = 2L * keys;
        for (int level = 2; level <= levels; level++) {
            n = contexts * (1 + n);
        }
        return n;
    }

    /**
     * Unpadded length of one sequence (BOS included). For MQAR the default length when the
     * config sets none: pairs, then twice as many tokens as the queries need.
     */
    public static long length(Variant variant, int levels, int contexts, int keys) {
        long info = infoLength(levels, contexts, keys);
        return switch (variant) {
            // BOS, info, SEP, the re-shuffled inquiry (as long as the information component)
            case MQJR, MULTILEVEL -> 2 + 2 * info;
            // BOS, info, SEP, the w - 1 context tokens of the question, key, value
            case SINGLE -> info + levels + 3;
            case MQAR -> 1 + 6L * keys;
        };
    }

    /** Longest unpadded sequence: every length grows with n_c and n_k. */
    public static long longest(Variant variant, int levels, int maxContexts, int maxKeys) {
        return length(variant, levels, maxContexts, maxKeys);
    }

    /** Smallest padded length a config may set: MQAR needs BOS, the pairs and room for every query. */
    public static long shortestAllowed(Variant variant, int levels, int maxContexts, int maxKeys) {
        return variant == Variant.MQAR ? 1 + 4L * maxKeys : longest(variant, levels, maxContexts, maxKeys);
    }

    /** The padded length of {@code config}: its length, or the longest sequence it can produce. */
    public static int maxLength(TaskConfig config) {
        if (config.length() > 0) {
            return config.length();
        }
        return (int) longest(config.variant(), config.levels(), config.maxContexts(), config.maxKeys());
    }
}
