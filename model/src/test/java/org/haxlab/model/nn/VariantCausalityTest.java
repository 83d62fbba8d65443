package org.haxlab.model.nn;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.trace.ForwardOptions;
import org.haxlab.model.trace.LayerInspection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the selection reads the future (spec §5): dropping the later tokens of a sequence changes the earlier
 * LSH bins and KS scores of a paper-variant model, exactly as the released code's sequence-wide normalisation
 * does, and never those of a causal-variant model.
 */
class VariantCausalityTest {

    private static final int LENGTH = 96;
    private static final int PREFIX = 40;
    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static List<LayerInspection> inspect(HaxModel model, long[] tokens) {
        List<LayerInspection> out = new ArrayList<>();
        try (NDScope scope = new NDScope()) {
            model.forward(manager.create(tokens, new Shape(1, tokens.length)), ForwardOptions.inspect(out::add));
        }
        return out;
    }

    private static long[] tokens() {
        Random rng = new Random(5);
        long[] t = new long[LENGTH];
        t[0] = 1;
        for (int i = 1; i < LENGTH; i++) {
            t[i] = 10 + rng.nextInt(48);
        }
        return t;
    }

    /** Counts of earlier positions whose q bin, k bin and KS score change when the later tokens are dropped. */
    private static int[] changesWhenTruncated(Backbone backbone, SparseConfig.Variant variant) {
        ModelConfig config = ModelConfig.paper(backbone, SparseConfig.paper(Pattern.HAX).withVariant(variant), 3L);
        long[] full = tokens();
        try (HaxModel model = new HaxModel(config, manager, manager.getDevice())) {
            List<LayerInspection> whole = inspect(model, full);
            List<LayerInspection> prefix = inspect(model, Arrays.copyOf(full, PREFIX));
            int[] changed = new int[3];
            for (int l = 0; l < whole.size(); l++) {
                LayerInspection a = whole.get(l);
                LayerInspection b = prefix.get(l);
                assertEquals(PREFIX, b.qBucket().length);
                for (int i = 0; i < PREFIX; i++) {
                    changed[0] += a.qBucket()[i] != b.qBucket()[i] ? 1 : 0;
                    changed[1] += a.kBucket()[i] != b.kBucket()[i] ? 1 : 0;
                    changed[2] += Math.abs(a.ksScore()[i] - b.ksScore()[i]) > 1e-5 * (1 + Math.abs(a.ksScore()[i]))
                            ? 1 : 0;
                }
            }
            return changed;
        }
    }

    @ParameterizedTest
    @EnumSource(Backbone.class)
    void paperVariantReadsTheFutureWhereTheReleasedCodeDoes(Backbone backbone) {
        int[] changed = changesWhenTruncated(backbone, SparseConfig.Variant.PAPER);
        assertTrue(changed[0] > 0, "paper: some earlier query bins depend on later tokens");
        assertTrue(changed[1] > 0, "paper: some earlier key bins depend on later tokens");
        assertTrue(changed[2] > 0, "paper: some earlier KS scores depend on later tokens");
    }

    @ParameterizedTest
    @EnumSource(Backbone.class)
    void causalVariantNeverDoes(Backbone backbone) {
        assertArrayEquals(new int[3], changesWhenTruncated(backbone, SparseConfig.Variant.CAUSAL),
                "causal: no earlier bin or score may depend on later tokens");
    }
}
