package org.haxlab.model.task;

import java.util.SplittableRandom;

/**
 * Joint recall with w levels (spec §1): MQJR (w = 2, every pair asked), single-query and
 * multi-level (w - 1 context tiers above the key; w = 1 is associative recall).
 *
 * <p>Layout: BOS, the information component (contexts shuffled, keys shuffled inside each
 * context, at every tier), SEP, then the inquiry component: the same table re-shuffled with the
 * values teacher-forced (MQJR, multi-level) or one random question (single). Every context uses
 * the same keys 0..n_k-1; contexts are 0..n_c-1 at each tier; values are i.i.d. uniform.
 */
public final class JointRecallTask implements RecallGenerator {
    private final Variant variant;
    private final int levels;
    private final int values;

    /** A generator for {@code config}, whose variant must not be MQAR. */
    public JointRecallTask(TaskConfig config) {
        if (config.variant() == Variant.MQAR) {
            throw new IllegalArgumentException("MQAR sequences come from MqarTask");
        }
        this.variant = config.variant();
        this.levels = config.levels();
        this.values = config.values();
    }

    @Override
    public RecallSequence generate(int contexts, int keys, SplittableRandom random) {
        if (contexts < 1 || contexts > Vocabulary.SLOTS || keys < 1 || keys > Vocabulary.SLOTS) {
            throw new IllegalArgumentException("n_c " + contexts + " and n_k " + keys + " must lie in 1.." + Vocabulary.SLOTS);
        }
        int tiers = levels - 1;
        int nc = tiers == 0 ? 1 : contexts;
        int paths = 1;
        for (int t = 0; t < tiers; t++) {
            paths *= nc;
        }
        // table[path * n_k + k]: the value index of key k under one context path (i.i.d. uniform)
        int[] table = new int[paths * keys];
        for (int i = 0; i < table.length; i++) {
            table[i] = random.nextInt(values);
        }
        int length = (int) Layout.length(variant, levels, nc, keys);
        Builder b = new Builder(length, variant == Variant.SINGLE ? 1 : table.length);
        b.tokens[b.n++] = Vocabulary.BOS;
        emit(b, tiers, 0, nc, keys, table, random, false);
        b.tokens[b.n++] = Vocabulary.SEP;
        if (variant == Variant.SINGLE) {
            int path = 0;
            for (int t = tiers; t >= 1; t--) {
                int c = random.nextInt(nc);
                path = path * nc + c;
                b.tokens[b.n++] = Vocabulary.context(t, c);
            }
            int k = random.nextInt(keys);
            b.query(k, table[path * keys + k]);
        } else {
            emit(b, tiers, 0, nc, keys, table, random, true);
        }
        return new RecallSequence(b.tokens, b.queryPositions, b.expected, tiers == 0 ? 0 : nc, keys);
    }

    /** Emits tier {@code tier} (0 = the keys) of the subtree under context path {@code path}, freshly shuffled. */
    private static void emit(Builder b, int tier, int path, int nc, int keys, int[] table, SplittableRandom random,
                             boolean inquiry) {
        if (tier == 0) {
            for (int k : RecallGenerator.permutation(keys, random)) {
                int value = table[path * keys + k];
                if (inquiry) {
                    b.query(k, value);
                } else {
                    b.tokens[b.n++] = Vocabulary.key(k);
                    b.tokens[b.n++] = Vocabulary.value(value);
                }
            }
            return;
        }
        for (int c : RecallGenerator.permutation(nc, random)) {
            b.tokens[b.n++] = Vocabulary.context(tier, c);
            emit(b, tier - 1, path * nc + c, nc, keys, table, random, inquiry);
        }
    }

    /** Fills token and query arrays of known sizes. */
    static final class Builder {
        final int[] tokens;
        final int[] queryPositions;
        final int[] expected;
        int n;
        int q;

        Builder(int length, int queries) {
            tokens = new int[length];
            queryPositions = new int[queries];
            expected = new int[queries];
        }

        /** A query key with its teacher-forced value; the key position is where loss is taken. */
        void query(int key, int value) {
            queryPositions[q] = n;
            expected[q++] = Vocabulary.value(value);
            tokens[n++] = Vocabulary.key(key);
            tokens[n++] = Vocabulary.value(value);
        }
    }
}
