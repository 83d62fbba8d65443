package org.haxlab.viz.charts;

/**
 * The information-theoretic limit of spec §1: an SSM with b bits of state has error
 * >= 1 - 2^b / |V|^n on uniform multi-query joint recall with n = n_c * n_k queried pairs, so its
 * accuracy is at most 2^b / |V|^n (capped at 1). Computed in log2 space because |V|^n overflows a
 * double for n beyond about 250 at |V| = 16.
 */
public final class CapacityBound {
    private CapacityBound() {
    }

    /**
     * The bound min(1, 2^(b - n log2 |V|)).
     *
     * @param bits  state size b in bits (>= 0)
     * @param vocab number of values |V| (>= 2)
     * @param n     table size n_c * n_k (>= 0)
     */
    public static double maxAccuracy(double bits, int vocab, double n) {
        if (!(bits >= 0) || vocab < 2 || !(n >= 0)) {
            throw new IllegalArgumentException("capacity bound: need bits >= 0, |V| >= 2, n >= 0; got b=" + bits
                    + ", |V|=" + vocab + ", n=" + n);
        }
        double log2 = bits - n * (Math.log(vocab) / Math.log(2));
        return log2 >= 0 ? 1.0 : Math.pow(2, log2);
    }

    /** The largest table the state can hold exactly: n = b / log2 |V|. */
    public static double breakEven(double bits, int vocab) {
        return bits / (Math.log(vocab) / Math.log(2));
    }
}
