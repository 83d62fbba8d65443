package org.haxlab.app.cli;

import org.haxlab.model.trace.Backbone;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The model options shared by {@code train} and {@code inspect}: backbone, pattern, budget k, LSH bits and the
 * LSH variant, with the paper's settings (spec §2-3) for everything else.
 */
public final class ModelOptions {

    /** Largest budget k accepted: the longest sequence a command reads ({@code SequenceText.DEFAULT_MAX_LENGTH}). */
    static final int MAX_K = 4096;
    /** Most LSH sign bits: 2^h bins must stay a small table (spec §3). */
    static final int MAX_HASH_BITS = 20;

    @Option(names = "--backbone", defaultValue = "mamba2", paramLabel = "mamba1|mamba2", converter = Converters.BackboneName.class,
            description = "mamba1 or mamba2 (default: ${DEFAULT-VALUE}).")
    Backbone backbone;
    @Option(names = "--pattern", defaultValue = "hax", paramLabel = "ID", converter = Converters.PatternName.class,
            description = "ssm, full, sw, a, d, swd, lsh, ks or hax (default: ${DEFAULT-VALUE}).")
    Pattern pattern;
    @Option(names = "--k", defaultValue = "64", description = "Sparse budget: keys per query, 1..4096 (default: ${DEFAULT-VALUE}).")
    int k;
    @Option(names = "--hash-bits", defaultValue = "8", description = "LSH sign bits h, 1..20 (default: ${DEFAULT-VALUE}).")
    int hashBits;
    @Option(names = "--variant", defaultValue = "causal", paramLabel = "causal|paper", converter = Converters.LshVariant.class,
            description = "LSH variant: causal, or paper (the released code's rules, spec §5; empty rows read every"
                    + " position, future included) (default: ${DEFAULT-VALUE}).")
    SparseConfig.Variant variant;

    /** The sparse settings, after checking the ranges (a usage error of {@code cl} otherwise). */
    public SparseConfig sparse(CommandLine cl) {
        Limits.check(cl, "--k", k, 1, MAX_K, null);
        Limits.check(cl, "--hash-bits", hashBits, 1, MAX_HASH_BITS, null);
        return SparseConfig.paper(pattern).withBudget(k).withHashBits(hashBits).withVariant(variant);
    }

    /** The paper's model with these options' backbone, {@code sparse} settings and {@code seed}. */
    public ModelConfig model(SparseConfig sparse, long seed) {
        return ModelConfig.paper(backbone, sparse, seed);
    }

    /** A label for messages: backbone and pattern as typed. */
    @Override
    public String toString() {
        return backbone.id() + " " + pattern.id();
    }
}
