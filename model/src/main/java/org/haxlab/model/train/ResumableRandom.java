package org.haxlab.model.train;

import java.util.Random;

/**
 * A {@link Random} whose whole state can be read and put back, so that a resumed run draws exactly the
 * sequences the uninterrupted run would have drawn. It produces the same numbers as
 * {@code new java.util.Random(seed)} (the same 48-bit linear congruential generator and Gaussian pairing),
 * so runs started before resume existed keep their data order.
 */
public final class ResumableRandom extends Random {

    private static final long serialVersionUID = 1L;
    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long ADDEND = 0xBL;
    private static final long MASK = (1L << 48) - 1;

    // no field initialisers: Random's constructor calls setSeed before they would run
    private long state;
    private double nextNextGaussian;
    private boolean haveNextNextGaussian;

    /** The generator {@code new Random(seed)} would be. */
    public ResumableRandom(long seed) {
        super(seed);
    }

    /**
     * A generator continuing from a saved {@link #state()} and pending Gaussian.
     *
     * @param state        the 48-bit generator state
     * @param nextGaussian the second Gaussian of a pair not handed out yet, or NaN when none is pending
     */
    public static ResumableRandom restore(long state, double nextGaussian) {
        if ((state & ~MASK) != 0) {
            throw new IllegalArgumentException("random state " + state + " is not a 48-bit value");
        }
        ResumableRandom r = new ResumableRandom(0);
        r.state = state;
        r.haveNextNextGaussian = !Double.isNaN(nextGaussian);
        r.nextNextGaussian = r.haveNextNextGaussian ? nextGaussian : 0;
        return r;
    }

    /** The 48-bit generator state (what {@link #restore} takes back). */
    public synchronized long state() {
        return state;
    }

    /** The pending second Gaussian of a pair, or NaN when none is pending. */
    public synchronized double pendingGaussian() {
        return haveNextNextGaussian ? nextNextGaussian : Double.NaN;
    }

    @Override
    public synchronized void setSeed(long seed) {
        state = (seed ^ MULTIPLIER) & MASK;
        haveNextNextGaussian = false;
    }

    @Override
    protected synchronized int next(int bits) {
        state = (state * MULTIPLIER + ADDEND) & MASK;
        return (int) (state >>> (48 - bits));
    }

    /** Marsaglia's polar method with the pairing of {@link Random#nextGaussian()} (its documented algorithm). */
    @Override
    public synchronized double nextGaussian() {
        if (haveNextNextGaussian) {
            haveNextNextGaussian = false;
            return nextNextGaussian;
        }
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        nextNextGaussian = v2 * multiplier;
        haveNextNextGaussian = true;
        return v1 * multiplier;
    }
}
