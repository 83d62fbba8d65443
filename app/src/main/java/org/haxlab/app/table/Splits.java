package org.haxlab.app.table;

import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.task.Split;
import org.haxlab.model.train.SequenceSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The validation and test splits of a table, drawn once from the data seed and shared by every run, with no
 * sequence in both and none in training (spec §4: "no duplicate sequence across splits"). The trainer already
 * redraws training sequences that fall in the validation split; {@link #trainingSource} redraws those that fall
 * in the test split.
 *
 * @param validation the validation split (best-checkpoint selection)
 * @param test       the test split (reported numbers), disjoint from {@code validation}
 */
public record Splits(List<RecallSequence> validation, List<RecallSequence> test) {

    /** Draw attempts before a task is declared too small for its splits. */
    private static final int MAX_DRAWS_PER_SEQUENCE = 1000;

    public Splits {
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    /**
     * Draws {@code valSamples} then {@code testSamples} distinct sequences from {@code source}, each split from
     * its own generator derived from {@code dataSeed}.
     */
    public static Splits draw(SequenceSource source, int valSamples, int testSamples, long dataSeed) {
        Set<RecallSequence> seen = new HashSet<>();
        List<RecallSequence> val = distinct(source, valSamples, SequenceSource.heldOutRandom(Split.VALIDATION, dataSeed), seen);
        List<RecallSequence> test = distinct(source, testSamples, SequenceSource.heldOutRandom(Split.TEST, dataSeed), seen);
        return new Splits(val, test);
    }

    private static List<RecallSequence> distinct(SequenceSource source, int count, Random rng, Set<RecallSequence> seen) {
        List<RecallSequence> out = new ArrayList<>(count);
        int draws = 0;
        while (out.size() < count) {
            if (draws++ > (long) MAX_DRAWS_PER_SEQUENCE * count) {
                throw new IllegalArgumentException("the task grid is too small for " + count
                        + " distinct held-out sequences: widen --contexts / --keys or lower --val-samples / --test-samples");
            }
            RecallSequence s = source.draw(rng);
            if (seen.add(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** {@code source} with every draw that falls in the test split redrawn (the trainer handles validation). */
    public SequenceSource trainingSource(SequenceSource source) {
        Set<RecallSequence> held = new HashSet<>(test);
        return rng -> {
            for (int i = 0; i < MAX_DRAWS_PER_SEQUENCE; i++) {
                RecallSequence s = source.draw(rng);
                if (!held.contains(s)) {
                    return s;
                }
            }
            throw new IllegalStateException("could not draw a training sequence outside the test split after "
                    + MAX_DRAWS_PER_SEQUENCE + " tries: the task is too small for its test set");
        };
    }
}
