package org.haxlab.model.train;

import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.task.Split;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws task sequences. A draw must depend only on {@code rng}, so that a seed gives the same data
 * order on every run (the trainer owns the {@link Random}).
 */
@FunctionalInterface
public interface SequenceSource {

    /** One sequence drawn with {@code rng}. */
    RecallSequence draw(Random rng);

    /**
     * The generator of a held-out split drawn for a run or data seed (spec §1: no sequence in two splits).
     * Each split has its own salted seed, so held-out draws never replay the training draws, which come
     * from the seed itself; the training side then redraws any sequence that lands in a held-out split.
     * The one place these salts live: {@code train}, {@code table} and the GUI draw the same splits from
     * the same seed.
     *
     * @throws IllegalArgumentException for {@link Split#TRAIN}, which is drawn by the trainer
     */
    static Random heldOutRandom(Split split, long seed) {
        return switch (split) {
            case VALIDATION -> new Random(seed ^ 0x5DEECE66DL);
            case TEST -> new Random(seed * 31 + 0x7E57L);
            case TRAIN -> throw new IllegalArgumentException("held-out random: the training split is drawn by the trainer");
        };
    }

    /** {@code count} draws in order. */
    default List<RecallSequence> sample(int count, Random rng) {
        List<RecallSequence> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(draw(rng));
        }
        return out;
    }
}
