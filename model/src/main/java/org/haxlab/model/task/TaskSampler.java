package org.haxlab.model.task;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An endless, deterministic stream of sequences for one {@link TaskConfig}: each draws n_c and
 * n_k uniformly from the config's ranges, then a table and its layout. Same config, same stream.
 */
public final class TaskSampler {
    private final TaskConfig config;
    private final RecallGenerator generator;
    private final SplittableRandom random;

    /** A stream seeded with {@code config.seed()}. */
    public TaskSampler(TaskConfig config) {
        this(config, new SplittableRandom(config.seed()));
    }

    /** A stream drawing from {@code random}, for callers that derive their own seeds. */
    public TaskSampler(TaskConfig config, SplittableRandom random) {
        this.config = config;
        this.generator = RecallGenerator.of(config);
        this.random = random;
    }

    /** The config this stream draws from. */
    public TaskConfig config() {
        return config;
    }

    /** The next sequence. */
    public RecallSequence next() {
        int contexts = config.minContexts() + random.nextInt(config.maxContexts() - config.minContexts() + 1);
        int keys = config.minKeys() + random.nextInt(config.maxKeys() - config.minKeys() + 1);
        return generator.generate(contexts, keys, random);
    }

    /** The next {@code count} sequences. */
    public List<RecallSequence> next(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count " + count + " is negative");
        }
        List<RecallSequence> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next());
        }
        return out;
    }
}
