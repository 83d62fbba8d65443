package org.haxlab.model.task;

/**
 * Everything that defines a stream of task sequences; checked on construction.
 *
 * <p>Each sequence draws n_c uniformly from [{@code minContexts}, {@code maxContexts}] and n_k from
 * [{@code minKeys}, {@code maxKeys}] (spec §1 draws both over 5..16). For MQAR "keys" is the number of
 * key-value pairs and contexts are unused (1..1).
 *
 * @param minContexts  smallest n_c (contexts per tier)
 * @param maxContexts  largest n_c
 * @param minKeys      smallest n_k
 * @param maxKeys      largest n_k
 * @param values       |V|, values drawn i.i.d. uniform from 0..values-1
 * @param length       padded length; 0 picks {@link Layout#maxLength(TaskConfig)} (for MQAR: the sequence length)
 * @param seed         seed of the sampler; equal configs give equal sequences
 * @param variant      which task
 * @param levels       w: context tiers + 1 (the key is the last level); 2 for MQJR, 1 for MQAR
 */
public record TaskConfig(int minContexts, int maxContexts, int minKeys, int maxKeys, int values, int length,
                         long seed, Variant variant, int levels) {

    /** Longest sequence any config may produce: keeps multi-level tables from exploding. */
    public static final int MAX_LENGTH = 1 << 16;

    public TaskConfig {
        if (variant == null) {
            throw new IllegalArgumentException("variant is missing");
        }
        range("contexts", minContexts, maxContexts);
        range("keys", minKeys, maxKeys);
        if (values < 1 || values > Vocabulary.SLOTS) {
            throw new IllegalArgumentException("values " + values + " do not fit the vocabulary: it has "
                    + Vocabulary.SLOTS + " value slots (1.." + Vocabulary.SLOTS + ")");
        }
        if (length < 0) {
            throw new IllegalArgumentException("length " + length + " is negative (0 = automatic)");
        }
        checkLevels(variant, levels);
        if (levels == 1) {
            if (minContexts != 1 || maxContexts != 1) {
                throw new IllegalArgumentException("with levels 1 (associative recall) there are no contexts: use contexts 1..1");
            }
        }
        long longest = Layout.longest(variant, levels, maxContexts, maxKeys);
        if (longest > MAX_LENGTH) {
            throw new IllegalArgumentException("the longest sequence would have " + longest + " tokens, more than "
                    + MAX_LENGTH + ": lower contexts, keys or levels");
        }
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("length " + length + " is more than " + MAX_LENGTH);
        }
        long needed = Layout.shortestAllowed(variant, levels, maxContexts, maxKeys);
        if (length > 0 && length < needed) {
            throw new IllegalArgumentException("length " + length + " is shorter than the longest sequence, "
                    + needed + " tokens (n_c " + maxContexts + ", n_k " + maxKeys + ")");
        }
    }

    /** The paper's MQJR config (spec §1): n_c, n_k over 5..16, 16 values, padded to 1058. */
    public static TaskConfig paper(long seed) {
        return new TaskConfig(5, 16, 5, 16, 16, 0, seed, Variant.MQJR, 2);
    }

    /** MQJR with fixed n_c and n_k, 16 values, automatic length. */
    public static TaskConfig mqjr(int contexts, int keys, long seed) {
        return new TaskConfig(contexts, contexts, keys, keys, Vocabulary.SLOTS, 0, seed, Variant.MQJR, 2);
    }

    /** A copy with another seed. */
    public TaskConfig withSeed(long newSeed) {
        return new TaskConfig(minContexts, maxContexts, minKeys, maxKeys, values, length, newSeed, variant, levels);
    }

    /** A copy with n_c and n_k fixed to one grid cell. */
    public TaskConfig withCell(int contexts, int keys) {
        return new TaskConfig(contexts, contexts, keys, keys, values, length, seed, variant, levels);
    }

    /** The padded length batches use: {@code length}, or the longest possible sequence when 0. */
    public int paddedLength() {
        return Layout.maxLength(this);
    }

    private static void range(String what, int min, int max) {
        if (min < 1 || max > Vocabulary.SLOTS || min > max) {
            throw new IllegalArgumentException(what + " " + min + ".." + max + " do not fit: need 1 <= min <= max <= "
                    + Vocabulary.SLOTS + " (the vocabulary has " + Vocabulary.SLOTS + " " + what + " slots)");
        }
    }

    private static void checkLevels(Variant variant, int levels) {
        switch (variant) {
            case MQJR -> {
                if (levels != 2) {
                    throw new IllegalArgumentException("mqjr is two-level (context, key); use --variant multilevel for "
                            + levels + " levels");
                }
            }
            case MQAR -> {
                if (levels != 1) {
                    throw new IllegalArgumentException("mqar has one level (key -> value), not " + levels);
                }
            }
            default -> {
                if (levels < 1 || levels > Vocabulary.MAX_CONTEXT_TIERS + 1) {
                    throw new IllegalArgumentException("levels " + levels + " do not fit the vocabulary: 1.."
                            + (Vocabulary.MAX_CONTEXT_TIERS + 1) + " (it has " + Vocabulary.MAX_CONTEXT_TIERS
                            + " context tiers)");
                }
            }
        }
    }
}
