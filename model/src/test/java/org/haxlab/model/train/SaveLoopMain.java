package org.haxlab.model.train;

import ai.djl.ndarray.NDManager;

import java.nio.file.Path;
import java.util.Map;

/**
 * Child process for {@link CheckpointKillTest}: saves {@code DIR/best} over and over, each time with
 * changed weights and the next step number, until it is killed.
 */
public final class SaveLoopMain {

    private SaveLoopMain() {
    }

    public static void main(String[] args) throws Exception {
        Path run = Path.of(args[0]);
        CheckpointStore store = new CheckpointStore();
        try (NDManager manager = NDManager.newBaseManager(); TinyRecallModel m = Fixtures.model(manager, 1)) {
            for (int step = 1; ; step++) {
                m.params().get("attn.q").addi(1f);
                store.save(run.resolve(CheckpointStore.BEST), m,
                        RunRecord.of(m.config(), null, null, Map.of("init", 1L), step, Map.of()));
            }
        }
    }
}
