package org.haxlab.model.task;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Zoology-style multi-query associative recall, for contrast with joint recall (spec §1).
 *
 * <p>Layout: BOS, n (key, value) pairs with n distinct keys drawn from the 16 key slots (the key half
 * of the content vocabulary) and values i.i.d. from the value half, then the rest of the sequence:
 * every pair asked once, in random order, at uniformly scattered even-aligned slots, each query a
 * key followed by its teacher-forced value; the gaps hold the {@link Vocabulary#NOISE} token.
 * Differences from Zoology: query gaps are uniform rather than power-law, gaps hold one noise
 * token instead of random tokens (so every key occurrence is a definition or a query), and values
 * may repeat.
 */
public final class MqarTask implements RecallGenerator {
    private final int values;
    private final int length;

    /** A generator for {@code config}; its length, when set, is the length of every sequence. */
    public MqarTask(TaskConfig config) {
        if (config.variant() != Variant.MQAR) {
            throw new IllegalArgumentException("MqarTask needs variant mqar, not " + config.variant());
        }
        this.values = config.values();
        this.length = config.length();
    }

    /** {@code contexts} is ignored (MQAR has none); {@code keys} is the number of pairs. */
    @Override
    public RecallSequence generate(int contexts, int keys, SplittableRandom random) {
        if (keys < 1 || keys > Vocabulary.SLOTS) {
            throw new IllegalArgumentException("pairs " + keys + " must lie in 1.." + Vocabulary.SLOTS);
        }
        int total = length > 0 ? length : (int) Layout.length(Variant.MQAR, 1, 1, keys);
        int region = total - 1 - 2 * keys;
        if (region < 2 * keys) {
            throw new IllegalArgumentException("length " + total + " has no room for " + keys + " pairs and their queries");
        }
        int[] chosen = Arrays.copyOf(RecallGenerator.permutation(Vocabulary.SLOTS, random), keys);
        int[] vals = new int[keys];
        for (int i = 0; i < keys; i++) {
            vals[i] = random.nextInt(values);
        }
        JointRecallTask.Builder b = new JointRecallTask.Builder(total, keys);
        b.tokens[b.n++] = Vocabulary.BOS;
        for (int i = 0; i < keys; i++) {
            b.tokens[b.n++] = Vocabulary.key(chosen[i]);
            b.tokens[b.n++] = Vocabulary.value(vals[i]);
        }
        int[] slots = Arrays.copyOf(RecallGenerator.permutation(region / 2, random), keys);
        Arrays.sort(slots);
        int[] order = RecallGenerator.permutation(keys, random);
        int start = b.n;
        Arrays.fill(b.tokens, start, total, Vocabulary.NOISE);
        for (int j = 0; j < keys; j++) {
            b.n = start + 2 * slots[j];
            b.query(chosen[order[j]], vals[order[j]]);
        }
        b.n = total;
        return new RecallSequence(b.tokens, b.queryPositions, b.expected, 0, keys);
    }
}
