package org.haxlab.app.cli;

import java.lang.management.ManagementFactory;
import picocli.CommandLine;

/**
 * Upper bounds for every size a user can type, derived from this machine's memory so that a typo such as
 * {@code --batch 2000000000} is refused at parse time (exit 2, with the range) instead of running out of memory
 * minutes later. The estimates are deliberately generous: they stop absurd values, not ambitious ones.
 */
public final class Limits {

    /**
     * Java heap a held sequence costs per token: its int token, the answer mask and list overheads, times the
     * copies a batch makes on the host.
     */
    static final long HEAP_BYTES_PER_TOKEN = 32;
    /**
     * Native memory per token of a training step at width 64: activations and their gradients over the two
     * layers, the scan state and the attention's selected keys (measured order of magnitude, rounded up).
     */
    static final long NATIVE_BYTES_PER_TOKEN = 64 * 1024;

    private Limits() {
    }

    /** The Java heap limit ({@code -Xmx}). */
    static long heapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    /** Physical memory of the machine, or 16 GiB when the platform does not say. */
    static long physicalBytes() {
        try {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                long total = os.getTotalMemorySize();
                if (total > 0) {
                    return total;
                }
            }
        } catch (LinkageError e) {
            // a trimmed runtime without the jdk.management module (a jlink image that left it out) still runs
        }
        return 16L << 30;
    }

    /** Most sequences of up to {@code maxLength} tokens the host may hold at once (a quarter of the heap). */
    public static int maxSequences(int maxLength) {
        long perSequence = Math.max(1, maxLength) * HEAP_BYTES_PER_TOKEN + 256;
        return clampToInt(heapBytes() / 4 / perSequence);
    }

    /** Largest batch whose training step of sequences up to {@code maxLength} fits half the physical memory. */
    public static int maxBatch(int maxLength) {
        long perSequence = Math.max(1, maxLength) * NATIVE_BYTES_PER_TOKEN;
        return Math.min(maxSequences(maxLength), clampToInt(physicalBytes() / 2 / perSequence));
    }

    /**
     * Checks {@code value} of {@code option} against {@code min..max}; a usage error saying the range (and why
     * the maximum, when it comes from memory) otherwise.
     */
    public static int check(CommandLine cl, String option, long value, long min, long max, String why) {
        if (value < min || value > max) {
            throw new CommandLine.ParameterException(cl, option + " " + value + " is out of range " + min + ".." + max
                    + (why == null || why.isEmpty() ? "" : " (" + why + ")"));
        }
        return (int) value;
    }

    /**
     * Checks that {@code value} of {@code option} is a finite number in {@code min..max} ({@code min} itself
     * excluded when {@code minExcluded}); the usage error states the range in words.
     */
    public static double check(CommandLine cl, String option, double value, double min, boolean minExcluded, double max) {
        boolean ok = Double.isFinite(value) && (minExcluded ? value > min : value >= min) && value <= max;
        if (!ok) {
            String range = "a finite number " + (minExcluded ? "> " : ">= ") + plain(min)
                    + (Double.isInfinite(max) || max == Double.MAX_VALUE ? "" : " and <= " + plain(max));
            throw new CommandLine.ParameterException(cl, option + " " + value + " is out of range: " + range);
        }
        return value;
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static int clampToInt(long n) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE - 8, n));
    }
}
