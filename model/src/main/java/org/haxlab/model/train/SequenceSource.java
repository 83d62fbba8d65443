package org.haxlab.model.train;

import org.haxlab.model.task.RecallSequence;

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

    /** {@code count} draws in order. */
    default List<RecallSequence> sample(int count, Random rng) {
        List<RecallSequence> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(draw(rng));
        }
        return out;
    }
}
