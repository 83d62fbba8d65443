package org.haxlab.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak memory of this process: the resident set high-water mark (Java heap, JVM and native libtorch
 * allocations together) from {@code /proc/self/status}, and the peak Java heap from the memory pool
 * beans. Both peaks can be reset between measurements: the heap pools with {@code resetPeakUsage}, the
 * resident peak by writing 5 to {@code /proc/self/clear_refs} (Linux 4.0+); when that is not allowed
 * {@link #canResetRss()} is false and the resident peak is process-lifetime.
 */
public final class MemoryProbe {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private final boolean rssReset;

    /** Probes whether the resident peak can be reset here. */
    public MemoryProbe() {
        this.rssReset = tryResetRss();
    }

    /** True when {@link #reset()} also resets the resident-set peak. */
    public boolean canResetRss() {
        return rssReset;
    }

    /** Starts a new measurement: resets the heap pool peaks and, where possible, the resident peak. */
    public void reset() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        if (rssReset) {
            tryResetRss();
        }
    }

    /** Peak resident set since the last reset (or process start), in MiB; -1 when unknown. */
    public double peakRssMb() {
        return statusKb("VmHWM:") / 1024.0;
    }

    /** Current resident set in MiB; -1 when unknown. */
    public double rssMb() {
        return statusKb("VmRSS:") / 1024.0;
    }

    /** Sum of the heap pools' peak usage since the last reset, in MiB (an upper bound on the true peak). */
    public double peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024.0 * 1024.0);
    }

    private static boolean tryResetRss() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** A "Name:   123 kB" line of /proc/self/status, in kB; -1 when absent (not Linux). */
    static long statusKb(String key) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(key)) {
                    return parseKb(line.substring(key.length()));
                }
            }
        } catch (IOException | SecurityException e) {
            return -1;
        }
        return -1;
    }

    /** Parses "   123 kB" to 123. */
    static long parseKb(String rest) {
        String t = rest.trim();
        int space = t.indexOf(' ');
        return Long.parseLong(space < 0 ? t : t.substring(0, space));
    }
}
