package org.haxlab.model.task;

import java.util.SplittableRandom;

/** Draws one task sequence of a given table size; all randomness comes from the caller's generator. */
public interface RecallGenerator {

    /**
     * One sequence with {@code contexts} contexts per tier and {@code keys} keys (for MQAR: pairs).
     *
     * @throws IllegalArgumentException when the sizes are outside 1..{@link Vocabulary#SLOTS}
     */
    RecallSequence generate(int contexts, int keys, SplittableRandom random);

    /** The generator of {@code config}'s variant. */
    static RecallGenerator of(TaskConfig config) {
        return config.variant() == Variant.MQAR ? new MqarTask(config) : new JointRecallTask(config);
    }

    /** Shuffles {@code a} in place (Fisher-Yates). */
    static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** 0..n-1 in a random order. */
    static int[] permutation(int n, SplittableRandom random) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        shuffle(a, random);
        return a;
    }
}
