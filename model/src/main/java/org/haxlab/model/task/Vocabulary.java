package org.haxlab.model.task;

/**
 * Token ids of the synthetic task (spec §1, vocabulary size 100): BOS 1, PAD 3, SEP 4,
 * value v -> 10 + v, key k -> 26 + k, context c -> 42 + c.
 *
 * <p>Extensions beyond the paper's layout use ids the paper leaves unused: outer context
 * tiers of multi-level joint recall (tier 2 at 58 + c, tier 3 at 74 + c) and one noise
 * token (5) that fills the gaps between MQAR queries.
 */
public final class Vocabulary {
    /** Embedding rows: ids 0..99 (most unused, as in the paper). */
    public static final int SIZE = 100;
    /** Beginning of sequence, always position 0. */
    public static final int BOS = 1;
    /** Right padding after a sequence's end. */
    public static final int PAD = 3;
    /** Separates the information component from the inquiry component. */
    public static final int SEP = 4;
    /** Filler between the scattered queries of MQAR; never a query, never a target. */
    public static final int NOISE = 5;
    /** Id of value 0. */
    public static final int VALUE_BASE = 10;
    /** Id of key 0 ('a'). */
    public static final int KEY_BASE = 26;
    /** Id of context 0 ('A') at tier 1. */
    public static final int CONTEXT_BASE = 42;
    /** Values, keys and contexts each have 16 ids in the paper's layout. */
    public static final int SLOTS = 16;
    /**
     * Context tiers that fit the vocabulary: tier 1 is the context right above the keys
     * (the paper's contexts), tiers 2 and 3 the outer levels of multi-level joint recall.
     */
    public static final int MAX_CONTEXT_TIERS = 3;

    private Vocabulary() {
    }

    /** Id of value {@code v} (0-based). */
    public static int value(int v) {
        return VALUE_BASE + checkSlot(v, "value");
    }

    /** Id of key {@code k} (0-based). */
    public static int key(int k) {
        return KEY_BASE + checkSlot(k, "key");
    }

    /** Id of context {@code c} (0-based) at tier 1, the paper's contexts. */
    public static int context(int c) {
        return CONTEXT_BASE + checkSlot(c, "context");
    }

    /**
     * Id of context {@code c} at {@code tier} (1 = right above the keys, as in joint recall;
     * 2 and 3 = outer levels of multi-level joint recall).
     */
    public static int context(int tier, int c) {
        if (tier < 1 || tier > MAX_CONTEXT_TIERS) {
            throw new IllegalArgumentException("context tier " + tier + " is outside 1.." + MAX_CONTEXT_TIERS);
        }
        return CONTEXT_BASE + (tier - 1) * SLOTS + checkSlot(c, "context");
    }

    /** The role a token id plays on its own (positional roles such as a query come from {@link TokenRole#of}). */
    public static TokenRole role(int id) {
        if (id == BOS || id == PAD || id == SEP) {
            return TokenRole.SPECIAL;
        }
        if (id == NOISE) {
            return TokenRole.NOISE;
        }
        if (id >= VALUE_BASE && id < KEY_BASE) {
            return TokenRole.VALUE;
        }
        if (id >= KEY_BASE && id < CONTEXT_BASE) {
            return TokenRole.KEY;
        }
        if (id >= CONTEXT_BASE && id < CONTEXT_BASE + MAX_CONTEXT_TIERS * SLOTS) {
            return TokenRole.CONTEXT;
        }
        return TokenRole.UNUSED;
    }

    /** 0-based slot of a value, key or context id (e.g. 2 for key 'c'); -1 for other ids. */
    public static int slot(int id) {
        return switch (role(id)) {
            case VALUE -> id - VALUE_BASE;
            case KEY -> id - KEY_BASE;
            case CONTEXT -> (id - CONTEXT_BASE) % SLOTS;
            default -> -1;
        };
    }

    /** Tier of a context id (1..3); 0 for ids that are not contexts. */
    public static int tier(int id) {
        return role(id) == TokenRole.CONTEXT ? (id - CONTEXT_BASE) / SLOTS + 1 : 0;
    }

    /**
     * Display name of a token, as in the text form (see {@code samples/README.md}): values
     * {@code 0..15}, keys {@code a..p}, contexts {@code A..P}, outer tiers {@code A2..P3},
     * {@code |} for SEP, {@code .} for noise, {@code <bos>}, {@code <pad>}, {@code <id>} otherwise.
     */
    public static String name(int id) {
        return switch (role(id)) {
            case VALUE -> Integer.toString(id - VALUE_BASE);
            case KEY -> String.valueOf((char) ('a' + id - KEY_BASE));
            case CONTEXT -> {
                String letter = String.valueOf((char) ('A' + slot(id)));
                yield tier(id) == 1 ? letter : letter + tier(id);
            }
            case NOISE -> ".";
            case SPECIAL -> id == BOS ? "<bos>" : id == PAD ? "<pad>" : "|";
            default -> "<" + id + ">";
        };
    }

    private static int checkSlot(int s, String what) {
        if (s < 0 || s >= SLOTS) {
            throw new IllegalArgumentException(what + " " + s + " is outside the " + SLOTS + " slots 0.." + (SLOTS - 1));
        }
        return s;
    }
}
