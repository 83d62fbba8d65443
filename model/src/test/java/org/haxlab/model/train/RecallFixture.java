package org.haxlab.model.train;

import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.task.Vocabulary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Test fixture standing in for JointRecallTask: draws joint-recall sequences in the spec §1 layout
 * (BOS, information part, SEP, inquiry part with teacher-forced values; queries at inquiry keys)
 * with n_c and n_k uniform over a {@link TaskSpec}'s ranges.
 */
public final class RecallFixture implements SequenceSource {

    private final TaskSpec spec;

    public RecallFixture(TaskSpec spec) {
        this.spec = spec;
    }

    /** A factory for the CLI tests. */
    public static TaskFactory factory() {
        return RecallFixture::new;
    }

    @Override
    public RecallSequence draw(Random rng) {
        int nc = spec.minContexts() + rng.nextInt(spec.maxContexts() - spec.minContexts() + 1);
        int nk = spec.minKeys() + rng.nextInt(spec.maxKeys() - spec.minKeys() + 1);
        int[][] table = new int[nc][nk];
        for (int[] row : table) {
            for (int k = 0; k < nk; k++) {
                row[k] = rng.nextInt(Vocabulary.SLOTS);
            }
        }
        List<Integer> tokens = new ArrayList<>();
        List<Integer> queries = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        tokens.add(Vocabulary.BOS);
        part(table, rng, tokens, null, null);
        tokens.add(Vocabulary.SEP);
        part(table, rng, tokens, queries, expected);
        return new RecallSequence(tokens.stream().mapToInt(Integer::intValue).toArray(),
                queries.stream().mapToInt(Integer::intValue).toArray(),
                expected.stream().mapToInt(Integer::intValue).toArray(), nc, nk);
    }

    private static void part(int[][] table, Random rng, List<Integer> tokens, List<Integer> queries, List<Integer> expected) {
        List<Integer> contexts = shuffled(table.length, rng);
        for (int c : contexts) {
            tokens.add(Vocabulary.context(c));
            for (int k : shuffled(table[c].length, rng)) {
                if (queries != null) {
                    queries.add(tokens.size());
                    expected.add(Vocabulary.value(table[c][k]));
                }
                tokens.add(Vocabulary.key(k));
                tokens.add(Vocabulary.value(table[c][k]));
            }
        }
    }

    private static List<Integer> shuffled(int n, Random rng) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        Collections.shuffle(out, rng);
        return out;
    }
}
