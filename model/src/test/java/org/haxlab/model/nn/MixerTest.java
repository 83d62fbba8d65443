package org.haxlab.model.nn;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.trace.ForwardOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Each mixer against its per-token host version {@link ReferenceMixers}, with trained-looking weights. */
class MixerTest {

    @ParameterizedTest
    @EnumSource(Backbone.class)
    void mixerMatchesThePerTokenDefinition(Backbone backbone) {
        int len = 75;                                   // > 64: two SSD chunks; several Mamba-1 chunks
        ModelConfig cfg = ModelConfig.paper(backbone, Pattern.NONE).withSeed(9);
        Random rng = new Random(10);
        float[] h = new float[len * cfg.dModel()];
        double[][] hd = new double[len][cfg.dModel()];
        for (int i = 0; i < h.length; i++) {
            h[i] = (float) rng.nextGaussian();
            hd[i / cfg.dModel()][i % cfg.dModel()] = h[i];
        }
        try (NDManager m = NDManager.newBaseManager(); HaxModel model = new HaxModel(cfg, m, m.getDevice())) {
            // Move D, the gate norm and A_log off their constant init so that a mix-up would show.
            for (String name : model.params().names()) {
                if (name.endsWith(".D") || name.endsWith("mixer.norm") || name.endsWith("A_log")) {
                    model.params().get(name).addi(m.randomUniform(0f, 0.5f, model.params().get(name).getShape()));
                }
            }
            Map<String, float[]> w = model.params().snapshot();
            double[][] want = backbone == Backbone.MAMBA1
                    ? ReferenceMixers.mamba1(cfg, w, "layers.1.mixer.", hd)
                    : ReferenceMixers.mamba2(cfg, w, "layers.1.mixer.", hd);
            float[] got;
            try (NDScope scope = new NDScope()) {
                got = model.mixers().get(1).forward(m.create(h, new Shape(1, len, cfg.dModel())), null,
                        ForwardOptions.eval()).output().toFloatArray();
            }
            assertEquals(len * cfg.dModel(), got.length);
            for (int i = 0; i < got.length; i++) {
                double ref = want[i / cfg.dModel()][i % cfg.dModel()];
                if (Math.abs(got[i] - ref) > 1e-4 * (1 + Math.abs(ref))) {
                    fail(backbone + " mixer output " + i + " (position " + i / cfg.dModel() + ") is " + got[i]
                            + ", per-token definition gives " + ref);
                }
            }
        }
    }
}
