package org.haxlab.app.ui;

import org.haxlab.app.vm.View;
import org.haxlab.model.sparse.Pattern;

/** The help texts of the tabs and the model bar's choices, in one place so every control gets one. */
final class Tooltips {

    private Tooltips() {
    }

    /** What the tab of {@code view} shows and how to read it. */
    static String of(View view) {
        return switch (view) {
            case SELECTION -> "Which keys each query attends to: one row per query, one column per key; colour ="
                    + " component, intensity = weight. Hover a row or a token to light its keys.";
            case BUCKETS -> "The LSH bucket of every query and key (spec §3): a query can only read keys of its own"
                    + " bucket. Pin a query to see whether its answer shares the bucket.";
            case DECAY -> "How fast the SSM state forgets (spec §2): per-step decay exp(dt*A), or how much of a"
                    + " chosen token the state still holds later. Pin a query to follow its answer.";
            case DIAGNOSIS -> "Every query: expected and predicted value, confidence, where the answer was defined"
                    + " and why a wrong one was missed.";
            case SPARSITY -> "Keys per query by component and how much of the budget k each component uses.";
            case SLICING -> "Runs the model on many generated sequences and breaks accuracy down by failure reason,"
                    + " table size and answer distance; click a row for an example.";
            case CAPACITY -> "Accuracy against table size n = n_c x n_k on generated sequences, with the bound of"
                    + " spec §1 for the state's bits.";
            case COMPARE -> "Two to four models on the same sequence, side by side, wrong answers marked.";
        };
    }

    /** What {@code p} attends to (spec §3), for the pattern choice. */
    static String of(Pattern p) {
        return switch (p) {
            case NONE -> "SSM only: no attention, everything must pass through the state";
            case FULL -> "full: dense causal attention over every earlier key (the reference, not sparse)";
            case SW -> "SW: sliding window, the k most recent keys";
            case A -> "A: A-shaped, the first keys (attention sink) plus a sliding window";
            case D -> "D: dilated, every r-th key back to the start";
            case SWD -> "SWD: sliding window plus dilated keys";
            case LSH -> "LSH: the most recent keys that hash into the query's bucket (sign bits of a random projection)";
            case KS -> "KS: key selection, the keys a learned scorer ranks highest, shared by all later queries";
            case HAX -> "HAX: LSH + KS, half the budget each (the paper's model)";
        };
    }

    /** The pattern choice's tooltip: every pattern on its own line. */
    static String patterns() {
        StringBuilder b = new StringBuilder("Sparse attention inside every mixer (spec §3):");
        for (Pattern p : Pattern.values()) {
            b.append('\n').append(of(p));
        }
        return b.toString();
    }

    /** The budget k. */
    static final String BUDGET = "k: keys per query, split evenly over the pattern's components (64 in the paper)";
    /** The hash bits h. */
    static final String HASH_BITS = "h: LSH hash bits. Sign bits: 2^h buckets (8 bits = 256 buckets in the paper);"
            + " argmax: h buckets";
    /** The LSH rule. */
    static final String LSH_RULE = "How LSH turns a projection into a bucket. Sign bits: one bit per projected"
            + " dimension (its sign), 2^h buckets. Argmax: the largest of h projections, h buckets";
    /** The layer spinner. */
    static final String LAYER = "The layer the views show (0-based)";
}
