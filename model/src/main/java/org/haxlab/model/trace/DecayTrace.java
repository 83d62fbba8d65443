package org.haxlab.model.trace;

import java.util.Arrays;
import java.util.Objects;


/**
 * How the SSM state decays over one sequence in one layer (spec §2).
 *
 * <p>Mamba-2 has one decay per head: {@code units = heads}, {@code dt} is (L x heads). Mamba-1 has
 * one decay per channel and state: {@code units = d_inner * N} (unit = channel * N + state) and
 * {@code dt} is (L x d_inner). {@code logDecay[t][u] = dt_t * A_u <= 0}, so the per-step decay is
 * exp(logDecay) and the retention of what entered the state at position j, seen at i >= j, is
 * exp(sum over t in (j, i] of logDecay[t][u]).
 *
 * <p>Shares its arrays: neither the constructor nor the accessors copy them, because a Mamba-1 layer's
 * {@code logDecay} holds L x d_inner x N floats (8.7 MB at L = 1058, 16 times that at 16K). The mixer
 * that builds one hands over fresh arrays; readers use {@link #dt(int, int)}, {@link #logDecay(int, int)}
 * and the retention methods and never write into the arrays. Equality is by content.
 *
 * @param backbone   which mixer produced it
 * @param length     L
 * @param dtUnits    columns of {@code dt}: heads (Mamba-2) or d_inner (Mamba-1)
 * @param units      columns of {@code logDecay}: heads (Mamba-2) or d_inner * N (Mamba-1)
 * @param dState     N (to split a Mamba-1 unit into channel and state)
 * @param dt         row-major (L x dtUnits) step sizes after softplus
 * @param logDecay   row-major (L x units) dt * A
 */
public record DecayTrace(Backbone backbone, int length, int dtUnits, int units, int dState, float[] dt,
                         float[] logDecay) {

    public DecayTrace {
        if (dt.length != (long) length * dtUnits || logDecay.length != (long) length * units) {
            throw new IllegalArgumentException("decay trace: sizes do not match L=" + length);
        }
    }

    /** dt at position t for dt-unit u. */
    public float dt(int t, int u) {
        return dt[t * dtUnits + u];
    }

    /** dt_t * A_u at position t for unit u (the log of the per-step decay). */
    public float logDecay(int t, int u) {
        return logDecay[t * units + u];
    }

    /** The per-step decay exp(dt_t * A_u) at position t. */
    public double decay(int t, int u) {
        return Math.exp(logDecay[t * units + u]);
    }

    /** Retention from j to i (i >= j) of unit u: product of the decays at positions j+1..i. */
    public double retention(int j, int i, int u) {
        double s = 0;
        for (int t = j + 1; t <= i; t++) {
            s += logDecay[t * units + u];
        }
        return Math.exp(s);
    }

    /**
     * Retention from j to every position (1 before j), one row per unit: the curve the decay view
     * draws. Costs O(L * units).
     */
    public double[][] retentionFrom(int j) {
        double[][] out = new double[units][length];
        for (int u = 0; u < units; u++) {
            double s = 0;
            for (int t = 0; t < length; t++) {
                if (t > j) {
                    s += logDecay[t * units + u];
                }
                out[u][t] = t < j ? 1.0 : Math.exp(s);
            }
        }
        return out;
    }

    /** Largest retention over units from j to i: how much of position j any part of the state still holds at i. */
    public double maxRetention(int j, int i) {
        double best = 0;
        for (int u = 0; u < units; u++) {
            best = Math.max(best, retention(j, i, u));
        }
        return best;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecayTrace d && backbone == d.backbone && length == d.length && dtUnits == d.dtUnits
                && units == d.units && dState == d.dState && Arrays.equals(dt, d.dt)
                && Arrays.equals(logDecay, d.logDecay);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Objects.hashCode(backbone) + length) + Arrays.hashCode(dt);
    }

    @Override
    public String toString() {
        return "DecayTrace[" + (backbone == null ? "?" : backbone.id()) + ", length=" + length + ", units=" + units
                + "]";
    }
}
