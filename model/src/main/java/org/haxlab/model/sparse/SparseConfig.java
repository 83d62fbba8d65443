package org.haxlab.model.sparse;

/**
 * Everything that defines a mixer's sparse branch (spec §3).
 *
 * @param pattern      which pattern; {@link Pattern#NONE} means no branch
 * @param budget       total keys per query k (64 in the paper); each component gets k / #components
 * @param hashBits     LSH hash width h (8 sign bits = 256 bins on the synthetic task)
 * @param lshRule      sign-bit (2^h bins) or argmax (h bins)
 * @param maxLen       the length the dilation stride is computed from: r = maxLen / k_c (2048 in the code)
 * @param variant      paper's reference-code behaviour or the strictly causal variant
 * @param path         dense-mask or sparse-gather execution, or AUTO (chosen by length)
 */
public record SparseConfig(Pattern pattern, int budget, int hashBits, LshRule lshRule, int maxLen,
                           Variant variant, AttentionPath path) {

    /** How LSH turns a projected vector into a bin (spec §3). */
    public enum LshRule { SIGN_BITS, ARGMAX }

    /**
     * Where the paper's code and its text disagree (spec §3, LSH): {@code PAPER} centres and
     * L2-normalises Q and K along the sequence axis as the reference code does (a bin can depend on
     * later tokens); {@code CAUSAL} uses a running prefix mean and per-token normalisation.
     */
    public enum Variant { PAPER, CAUSAL }

    /** Dense L x L masked softmax (the reference, O(L^2)) or a gather of the selected keys (O(L*k)). */
    public enum AttentionPath { AUTO, DENSE, SPARSE }

    /** Lengths up to this run the dense path under {@link AttentionPath#AUTO}. */
    public static final int AUTO_DENSE_MAX_LENGTH = 512;

    /**
     * Under {@link AttentionPath#AUTO}, patterns whose dense mask the device builds (window, sink, dilated: one
     * kept mask per length; LSH, KS and HAX: computed from bins and scores in tensors) run the dense path on
     * the CPU up to this length when libtorch has at least {@link #AUTO_MASK_DENSE_MIN_THREADS} threads: the
     * L x L products spread over many cores while the sparse path's gathers and host selection do not
     * (bench train, synthetic model at L = 1057, docs/BENCHMARKS.md: 16 threads, Mamba-2 +SW step 385 ms
     * sparse vs 164 ms dense; fewer threads: {@link #AUTO_MASK_DENSE_MAX_FEW_THREADS}).
     * {@code -Dhaxlab.dense.cpu=L} overrides the length. FULL keeps its blocked causal path, which measured
     * faster than the dense mask on both machines.
     */
    public static final int AUTO_MASK_DENSE_MAX_CPU = Integer.getInteger("haxlab.dense.cpu", 2048);

    /** Fewest libtorch threads for {@link #AUTO_MASK_DENSE_MAX_CPU} to apply. */
    public static final int AUTO_MASK_DENSE_MIN_THREADS = 4;

    /**
     * The same with 2 or 3 libtorch threads. Since the masked softmax became one fused softmax over a cached
     * bias (SoftmaxMask), the dense path wins on 2 threads at the synthetic model's L = 1057 (bench train,
     * Mamba-2 batch 8, two rounds: +SW 634-669 ms sparse against 412-419 dense, +A 627-644 / 399-407, +LSH
     * 639-696 / 419-463, +HAX 619-763 / 452-461) and loses from L 1535 on (+SW 942-1131 / 1100-1186, +HAX
     * 1102-1334 / 1403-1693; at 2047 1307-1399 / 2168-2468), docs/BENCHMARKS.md. One thread keeps the short limit.
     */
    public static final int AUTO_MASK_DENSE_MAX_FEW_THREADS = 1280;

    /**
     * The same on a GPU, where the L x L products are cheap and the sparse path waits for the host's selection
     * and index uploads (H200, L = 1057: Mamba-2 +SW step 91.5 ms sparse vs 40.6 ms dense).
     * {@code -Dhaxlab.dense.gpu=L} overrides it.
     */
    public static final int AUTO_MASK_DENSE_MAX_GPU = Integer.getInteger("haxlab.dense.gpu", 4096);

    public SparseConfig {
        if (pattern == null || lshRule == null || variant == null || path == null) {
            throw new IllegalArgumentException("sparse config: pattern, lshRule, variant and path are required");
        }
        int parts = Math.max(1, pattern.components().size());
        if (budget < parts || budget % parts != 0) {
            throw new IllegalArgumentException("sparse config: budget k=" + budget + " must be a positive multiple of "
                    + parts + " (the number of components of " + pattern.id() + ")");
        }
        if (hashBits < 1 || (lshRule == LshRule.SIGN_BITS && hashBits > 20) || hashBits > 4096) {
            throw new IllegalArgumentException("sparse config: hash bits h=" + hashBits + " out of range (1..20 for sign bits)");
        }
        if (maxLen < budget) {
            throw new IllegalArgumentException("sparse config: maxLen=" + maxLen + " must be >= budget k=" + budget);
        }
    }

    /** The paper's synthetic defaults for a pattern: k=64, 8 sign bits, maxLen 2048, causal variant, AUTO path. */
    public static SparseConfig paper(Pattern pattern) {
        return new SparseConfig(pattern, 64, 8, LshRule.SIGN_BITS, 2048, Variant.CAUSAL, AttentionPath.AUTO);
    }

    /** Keys each component may keep, k_c = k / #components. */
    public int perComponent() {
        return budget / Math.max(1, pattern.components().size());
    }

    /** Dilation stride r = maxLen / k_c (32 for +D alone, 64 inside +SW+D). */
    public int dilation() {
        return Math.max(1, maxLen / perComponent());
    }

    /** Number of LSH bins: 2^h for sign bits, h for argmax. */
    public int bins() {
        return lshRule == LshRule.SIGN_BITS ? 1 << hashBits : hashBits;
    }

    public SparseConfig withPattern(Pattern p) {
        return new SparseConfig(p, budget, hashBits, lshRule, maxLen, variant, path);
    }

    public SparseConfig withBudget(int k) {
        return new SparseConfig(pattern, k, hashBits, lshRule, maxLen, variant, path);
    }

    public SparseConfig withHashBits(int h) {
        return new SparseConfig(pattern, budget, h, lshRule, maxLen, variant, path);
    }

    public SparseConfig withVariant(Variant v) {
        return new SparseConfig(pattern, budget, hashBits, lshRule, maxLen, v, path);
    }

    public SparseConfig withPath(AttentionPath p) {
        return new SparseConfig(pattern, budget, hashBits, lshRule, maxLen, variant, p);
    }

    public SparseConfig withLshRule(LshRule r) {
        return new SparseConfig(pattern, budget, hashBits, r, maxLen, variant, path);
    }
}
