package org.haxlab.model.task;

/**
 * Token ids of the synthetic task (spec §1, vocabulary size 100): BOS 1, PAD 3, SEP 4,
 * value v -> 10 + v, key k -> 26 + k, context c -> 42 + c.
 */
public final class Vocabulary {
    public static final int SIZE = 100;
    public static final int BOS = 1;
    public static final int PAD = 3;
    public static final int SEP = 4;
    public static final int VALUE_BASE = 10;
    public static final int KEY_BASE = 26;
    public static final int CONTEXT_BASE = 42;
    /** Values, keys and contexts each have 16 ids in the paper's layout. */
    public static final int SLOTS = 16;

    private Vocabulary() {
    }

    public static int value(int v) {
        return VALUE_BASE + v;
    }

    public static int key(int k) {
        return KEY_BASE + k;
    }

    public static int context(int c) {
        return CONTEXT_BASE + c;
    }
}
