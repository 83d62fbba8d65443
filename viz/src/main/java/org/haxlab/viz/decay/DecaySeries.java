package org.haxlab.viz.decay;

import org.haxlab.model.trace.Backbone;
import org.haxlab.model.trace.DecayTrace;

import java.util.ArrayList;
import java.util.List;

/**
 * The curves {@link DecayChart} draws, computed from a {@link DecayTrace} (spec §2): the per-step
 * decay exp(dt_t * A) and the retention from a token j to every later position, for the units the
 * caller picks. Mamba-2 has one unit per head; a Mamba-1 unit is (channel, state), so its curves are
 * per channel averaged over the N states, one channel's N states, or one mean over everything.
 */
public final class DecaySeries {

    /** A named curve over positions 0..L-1. */
    public record Curve(String name, double[] values) {
    }

    /** Which units become curves. */
    public enum Kind {
        /** Mamba-2: one curve per head. Mamba-1: one per channel, mean over its states. */
        PER_UNIT,
        /** One curve: the mean over every unit. */
        MEAN,
        /** One curve: head {@code index} (Mamba-2) or channel {@code index} averaged over states (Mamba-1). */
        CHANNEL,
        /** Mamba-1 only: the N state curves of channel {@code index}. */
        CHANNEL_STATES
    }

    /**
     * A choice of units.
     *
     * @param kind  what to draw
     * @param index head or channel for {@link Kind#CHANNEL} and {@link Kind#CHANNEL_STATES}; ignored otherwise
     */
    public record Units(Kind kind, int index) {
        /** Every head / channel. */
        public static Units perUnit() {
            return new Units(Kind.PER_UNIT, 0);
        }

        /** One mean curve. */
        public static Units mean() {
            return new Units(Kind.MEAN, 0);
        }

        /** One head or channel. */
        public static Units channel(int c) {
            return new Units(Kind.CHANNEL, c);
        }

        /** The states of one Mamba-1 channel. */
        public static Units channelStates(int c) {
            return new Units(Kind.CHANNEL_STATES, c);
        }
    }

    /** Name of the {@link #maxRetentionFrom} curve. */
    public static final String MAX_NAME = "max over units";

    private DecaySeries() {
    }

    /** Per-step decay exp(dt_t * A_u) over positions. */
    public static List<Curve> perStepDecay(DecayTrace trace, Units units) {
        double[][] byUnit = new double[trace.units()][trace.length()];
        for (int u = 0; u < trace.units(); u++) {
            for (int t = 0; t < trace.length(); t++) {
                byUnit[u][t] = trace.decay(t, u);
            }
        }
        return group(trace, byUnit, units, "decay");
    }

    /** Retention from token j to every position (1 before j), grouped as {@code units} asks. */
    public static List<Curve> retentionFrom(DecayTrace trace, int j, Units units) {
        checkPosition(trace, j);
        return group(trace, trace.retentionFrom(j), units, "retention");
    }

    /** Largest retention over all units from j to every position i (1 for i <= j): {@link DecayTrace#maxRetention}. */
    public static Curve maxRetentionFrom(DecayTrace trace, int j) {
        checkPosition(trace, j);
        double[][] all = trace.retentionFrom(j);
        double[] out = new double[trace.length()];
        for (int t = 0; t < trace.length(); t++) {
            double best = 0;
            for (double[] unit : all) {
                best = Math.max(best, unit[t]);
            }
            out[t] = best;
        }
        return new Curve(MAX_NAME, out);
    }

    private static void checkPosition(DecayTrace trace, int j) {
        if (j < 0 || j >= trace.length()) {
            throw new IllegalArgumentException("decay: token position " + j + " is outside 0.." + (trace.length() - 1));
        }
    }

    private static List<Curve> group(DecayTrace trace, double[][] byUnit, Units units, String what) {
        boolean mamba1 = trace.backbone() == Backbone.MAMBA1;
        int states = mamba1 ? trace.dState() : 1;
        int channels = trace.units() / states;
        List<Curve> out = new ArrayList<>();
        String unitName = mamba1 ? "channel" : "head";
        switch (units.kind()) {
            case MEAN -> out.add(new Curve("mean " + what, mean(byUnit, 0, trace.units(), trace.length())));
            case PER_UNIT -> {
                for (int c = 0; c < channels; c++) {
                    out.add(new Curve(unitName + " " + c, mean(byUnit, c * states, states, trace.length())));
                }
            }
            case CHANNEL -> {
                checkChannel(units.index(), channels, unitName);
                out.add(new Curve(unitName + " " + units.index() + (mamba1 ? " (mean over states)" : ""),
                        mean(byUnit, units.index() * states, states, trace.length())));
            }
            case CHANNEL_STATES -> {
                if (!mamba1) {
                    throw new IllegalArgumentException("decay: per-state curves exist only for Mamba-1 (Mamba-2 has one decay per head)");
                }
                checkChannel(units.index(), channels, unitName);
                for (int s = 0; s < states; s++) {
                    out.add(new Curve("channel " + units.index() + " state " + s, byUnit[units.index() * states + s].clone()));
                }
            }
            default -> throw new IllegalStateException("unknown unit kind " + units.kind());
        }
        return out;
    }

    private static void checkChannel(int c, int channels, String unitName) {
        if (c < 0 || c >= channels) {
            throw new IllegalArgumentException("decay: " + unitName + " " + c + " is outside 0.." + (channels - 1));
        }
    }

    private static double[] mean(double[][] byUnit, int from, int count, int length) {
        double[] out = new double[length];
        for (int u = from; u < from + count; u++) {
            for (int t = 0; t < length; t++) {
                out[t] += byUnit[u][t] / count;
            }
        }
        return out;
    }
}
