package org.haxlab.model.train;

import org.haxlab.model.task.RecallSequence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Draws a {@link Trainer}'s training batches, redrawing any sequence that is in the held-out split (spec §1: no
 * sequence in two splits). Apart from the trainer because this rule is about the data, not the optimisation.
 */
final class HeldOutFreeBatches {

    /** Attempts to draw a training sequence that is not in the held-out split before giving up. */
    private static final int MAX_REDRAWS = 1000;

    private final SequenceSource source;
    private final Set<RecallSequence> heldOut;
    private final int batchSize;

    HeldOutFreeBatches(SequenceSource source, List<RecallSequence> heldOut, int batchSize) {
        this.source = source;
        this.heldOut = new HashSet<>(heldOut);
        this.batchSize = batchSize;
    }

    /** One batch drawn with {@code data}, none of it held out. */
    List<RecallSequence> batch(Random data) {
        List<RecallSequence> out = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            RecallSequence s = source.draw(data);
            int tries = 1;
            while (heldOut.contains(s)) {
                if (tries++ >= MAX_REDRAWS) {
                    throw new IllegalStateException("could not draw a training sequence outside the held-out split after "
                            + MAX_REDRAWS + " tries: the task is too small for its validation set");
                }
                s = source.draw(data);
            }
            out.add(s);
        }
        return out;
    }
}
