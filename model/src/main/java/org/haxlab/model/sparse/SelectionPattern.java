package org.haxlab.model.sparse;

import org.haxlab.model.trace.Component;

import java.util.List;

/**
 * One rule that picks, for every query i of a sequence, at most {@link #capacity(int)} keys j <= i
 * (spec §3 table). Two ways to evaluate the same rule:
 * {@link #select} is the O(L*k) host algorithm the sparse path gathers from; {@link #ruleMask}
 * writes the rule literally into an L x L mask, as the paper's reference code does (O(L^2)), and
 * is what the dense path uses. Tests hold the two to the same answer.
 */
public interface SelectionPattern {

    /** The components whose bits this pattern's selections carry. */
    List<Component> components();

    /** Most keys any query can get in a sequence of {@code length}. */
    int capacity(int length);

    /** The selected keys of every query, O(L*k). */
    SelectedKeys select(SelectionInput input);

    /** Row-major L x L mask of the rule (true where query i reads key j), O(L^2). */
    boolean[] ruleMask(SelectionInput input);

    /**
     * Whether the selection depends on positions only (window, sink, dilated, full and their unions), not on
     * the sequence's contents: then every sequence of a length shares one mask, which a branch can keep.
     */
    default boolean positional() {
        return false;
    }

    /** A rule on (query i, key j): whether j is kept for i. */
    @FunctionalInterface
    interface Rule {
        boolean keeps(int i, int j);
    }

    /**
     * The row-major L x L mask of a rule that depends only on positions, restricted to the causal part
     * j <= i (spec §3: every pattern is causal, self included).
     */
    static boolean[] causalMask(int length, Rule rule) {
        boolean[] m = new boolean[length * length];
        for (int i = 0; i < length; i++) {
            for (int j = 0; j <= i; j++) {
                m[i * length + j] = rule.keeps(i, j);
            }
        }
        return m;
    }

    /**
     * The pattern a branch config describes (spec §3): budget k split as k_c = k / #components,
     * SW window k_c, A = sink k_c + window k_c, D stride {@link SparseConfig#dilation()} keeping k_c keys,
     * LSH and KS k_c keys each, HAX = LSH + KS.
     */
    static SelectionPattern of(SparseConfig config) {
        int kc = config.perComponent();
        return switch (config.pattern()) {
            case NONE -> throw new IllegalArgumentException("pattern ssm has no sparse branch, so no selection");
            case FULL -> new FullPattern();
            case SW -> new SlidingWindowPattern(kc);
            case A -> new UnionPattern(List.of(new SinkPattern(kc), new SlidingWindowPattern(kc)));
            case D -> new DilatedPattern(config.dilation(), kc);
            case SWD -> new UnionPattern(List.of(new SlidingWindowPattern(kc), new DilatedPattern(config.dilation(), kc)));
            case LSH -> new LshPattern(kc);
            case KS -> new KeySelectionPattern(kc);
            case HAX -> new UnionPattern(List.of(new LshPattern(kc), new KeySelectionPattern(kc)));
        };
    }
}
