package org.haxlab.model.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import org.haxlab.model.nd.InitScheme;
import org.haxlab.model.nn.HaxModel;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.trace.ForwardOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The checkpoints shipped in samples/checkpoints were written before the init scheme was recorded: they must
 * read as the first (torch) scheme, load into the model their record describes and compute exactly what they
 * computed then. The pinned logits were produced by the code before the scheme existed, on this padded sequence.
 */
class SampleCheckpointTest {

    /** A 2 x 2 joint-recall sequence with two trailing PADs (ids of spec §1). */
    private static final long[] TOKENS = {1, 42, 26, 12, 27, 15, 43, 27, 11, 26, 19, 4, 43, 26, 19, 27, 11, 42, 27,
            15, 26, 12, 3, 3};
    private static final int[] PROBES = {0, 777, 1113, 1500, 2050, 2399};

    @ParameterizedTest
    @CsvSource({
            "mamba2-ks-d32, -3.5066984, 0.9279455, -4.0140224, -5.3878770, -2.7337666, -5.8217263",
            "mamba2-ssm-d32, -5.8789544, -6.7203922, 4.7943621, -7.5504622, -6.7826672, -1.4724647"})
    void loadsAndBehavesAsBefore(String name, float l0, float l1, float l2, float l3, float l4, float l5)
            throws Exception {
        Path dir = Path.of("..", "samples", "checkpoints", name);
        CheckpointStore store = new CheckpointStore();
        ModelConfig config = store.read(dir).record().model();
        assertEquals(InitScheme.TORCH, config.init(), "a record without 'init' reads as the first scheme");
        float[] want = {l0, l1, l2, l3, l4, l5};
        try (NDManager m = NDManager.newBaseManager()) {
            for (ModelConfig built : new ModelConfig[] {config, config.withInit(InitScheme.RELEASED)}) {
                try (HaxModel model = new HaxModel(built, m, m.getDevice()); NDScope scope = new NDScope()) {
                    store.loadInto(dir, model);
                    float[] logits = model.forward(m.create(TOKENS, new Shape(1, TOKENS.length)), ForwardOptions.eval())
                            .logits().toFloatArray();
                    for (int i = 0; i < PROBES.length; i++) {
                        assertEquals(want[i], logits[PROBES[i]], 1e-5f, name + " (" + built.init() + " model) logit "
                                + PROBES[i]);
                    }
                }
            }
        }
    }
}
