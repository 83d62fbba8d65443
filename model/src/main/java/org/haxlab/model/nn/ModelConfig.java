package org.haxlab.model.nn;

import org.haxlab.model.nd.InitScheme;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.trace.Backbone;

/**
 * The whole definition of a model (spec §2): enough, with the weights, to rebuild it exactly.
 *
 * @param backbone   Mamba-1 or Mamba-2
 * @param vocabSize  embedding rows (100 on the synthetic task)
 * @param dModel     residual width (64)
 * @param layers     mixer blocks (2)
 * @param expand     d_inner = expand * d_model (2)
 * @param dState     state size N (16 for Mamba-1, 32 for Mamba-2)
 * @param dtRank     Mamba-1 dt projection rank (8); unused by Mamba-2
 * @param heads      Mamba-2 heads (8, head_dim = d_inner / heads); unused by Mamba-1
 * @param convKernel depthwise causal conv width (4)
 * @param sparse     the sparse branch inside every mixer
 * @param initSeed   seed of the weight initialisation and of the fixed LSH projection
 * @param init       how new weights are drawn (spec §5; {@link InitScheme#RELEASED} for new models)
 */
public record ModelConfig(Backbone backbone, int vocabSize, int dModel, int layers, int expand, int dState,
                          int dtRank, int heads, int convKernel, SparseConfig sparse, long initSeed, InitScheme init) {

    public ModelConfig {
        if (backbone == null || sparse == null || init == null) {
            throw new IllegalArgumentException("model config: backbone, sparse config and init scheme are required");
        }
        check(vocabSize >= 2, "vocabSize=" + vocabSize + " must be >= 2");
        check(dModel >= 1, "dModel=" + dModel + " must be >= 1");
        check(layers >= 1, "layers=" + layers + " must be >= 1");
        check(expand >= 1, "expand=" + expand + " must be >= 1");
        check(dState >= 1, "dState=" + dState + " must be >= 1");
        check(convKernel >= 1, "convKernel=" + convKernel + " must be >= 1");
        if (backbone == Backbone.MAMBA1) {
            check(dtRank >= 1, "dtRank=" + dtRank + " must be >= 1");
        } else {
            check(heads >= 1 && (dModel * expand) % heads == 0,
                    "heads=" + heads + " must divide d_inner=" + dModel * expand);
        }
    }

    /** A new model's config: weights drawn with {@link InitScheme#RELEASED}. */
    public ModelConfig(Backbone backbone, int vocabSize, int dModel, int layers, int expand, int dState,
                       int dtRank, int heads, int convKernel, SparseConfig sparse, long initSeed) {
        this(backbone, vocabSize, dModel, layers, expand, dState, dtRank, heads, convKernel, sparse, initSeed,
                InitScheme.RELEASED);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("model config: " + message);
        }
    }

    /** The synthetic configuration of spec §2 for a backbone and a pattern (paper defaults for the branch). */
    public static ModelConfig paper(Backbone backbone, Pattern pattern) {
        return paper(backbone, SparseConfig.paper(pattern), 0L);
    }

    /** The synthetic configuration of spec §2 with a given sparse branch and seed. */
    public static ModelConfig paper(Backbone backbone, SparseConfig sparse, long seed) {
        return backbone == Backbone.MAMBA1
                ? new ModelConfig(backbone, 100, 64, 2, 2, 16, 8, 1, 4, sparse, seed)
                : new ModelConfig(backbone, 100, 64, 2, 2, 32, 8, 8, 4, sparse, seed);
    }

    /**
     * The paper's "Base (2x dim)" baseline: d_model doubled, no sparse branch. Mamba-2 keeps its head count, so
     * the head width doubles (the released config: 8 heads x 32, 231,984 weights at the synthetic size).
     */
    public ModelConfig base2x() {
        int dtr = backbone == Backbone.MAMBA1 ? Math.max(1, (int) Math.ceil(dModel * 2 / 16.0)) : dtRank;
        return new ModelConfig(backbone, vocabSize, dModel * 2, layers, expand, dState, dtr,
                heads, convKernel, sparse.withPattern(Pattern.NONE), initSeed, init);
    }

    /** d_inner = expand * d_model. */
    public int dInner() {
        return dModel * expand;
    }

    /** Mamba-2 head width d_inner / heads. */
    public int headDim() {
        return dInner() / heads;
    }

    public ModelConfig withSparse(SparseConfig s) {
        return new ModelConfig(backbone, vocabSize, dModel, layers, expand, dState, dtRank, heads, convKernel, s,
                initSeed, init);
    }

    public ModelConfig withSeed(long seed) {
        return new ModelConfig(backbone, vocabSize, dModel, layers, expand, dState, dtRank, heads, convKernel, sparse,
                seed, init);
    }

    /** This config with another initialisation scheme. */
    public ModelConfig withInit(InitScheme scheme) {
        return new ModelConfig(backbone, vocabSize, dModel, layers, expand, dState, dtRank, heads, convKernel, sparse,
                initSeed, scheme);
    }

    /** Short human label such as "Mamba-2 +HAX (k=64)". */
    public String label() {
        Pattern p = sparse.pattern();
        return backbone.label() + " " + p.label() + (p.hasAttention() ? " (k=" + sparse.budget() + ")" : "");
    }
}
