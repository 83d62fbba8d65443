package org.haxlab.model.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;
import java.util.Map;

/**
 * Tunes glibc's malloc, which libtorch's CPU tensors come from, for a process that allocates and frees
 * tensors of tens of megabytes many times a second.
 *
 * <p>With glibc's defaults every block above the dynamic mmap threshold (at most 32 MB) is a fresh
 * {@code mmap}, page-faulted in page by page and unmapped on free, and freed heap tops are trimmed back to the
 * kernel. A training step of the synthetic model allocates gigabytes this way: on the 2-core development
 * machine a third or more of the step's time was kernel time (page faults and zeroing), measured with
 * {@code bench train} (docs/BENCHMARKS.md). After {@link #tune()} blocks up to 1 GiB come from the heap and
 * freed memory is kept for reuse (up to 1 GiB at the top of a heap), and new threads share the main arena,
 * which unlike the per-thread arenas can hold blocks above 64 MB. The price: a process's resident size stays
 * near its high-water mark instead of shrinking after a large step.
 *
 * <p>Call once, early, before the engine does any work (the entry points do). Set
 * {@code -Dhaxlab.malloc=system} to keep glibc's defaults (e.g. to compare). Anything but glibc on Linux is
 * left alone.
 */
public final class NativeAllocator {

    /** System property that turns the tuning off when set to {@value #SYSTEM}. */
    public static final String PROPERTY = "haxlab.malloc";

    /** The value of {@link #PROPERTY} that keeps the C library's own settings. */
    public static final String SYSTEM = "system";

    // glibc's <malloc.h> parameter numbers
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int M_ARENA_MAX = -8;

    private static final int ONE_GIB = 1 << 30;
    private static final int TOP_PAD = 64 << 20;

    /**
     * The same settings as environment variables for a process started from outside (glibc reads them at
     * start, before any thread exists, so there they also put every thread on the main arena). The benchmark
     * gives them to the PyTorch peer when asked to compare with both sides tuned.
     */
    public static final Map<String, String> ENVIRONMENT = Map.of(
            "MALLOC_MMAP_THRESHOLD_", Integer.toString(NativeAllocator.ONE_GIB),
            "MALLOC_TRIM_THRESHOLD_", Integer.toString(NativeAllocator.ONE_GIB),
            "MALLOC_TOP_PAD_", Integer.toString(NativeAllocator.TOP_PAD),
            "MALLOC_ARENA_MAX", "1");

    private static String state;

    private NativeAllocator() {
    }

    /** The C library's malloc tuning entry point. */
    interface CLibrary extends Library {
        int mallopt(int param, int value);
    }

    /**
     * Applies the settings once per process (later calls return the first result).
     *
     * @return one line saying what was done, for machine information and logs
     */
    public static synchronized String tune() {
        if (state == null) {
            state = apply();
        }
        return state;
    }

    /** What {@link #tune()} did, or {@code "not tuned"} before it ran. */
    public static synchronized String state() {
        return state == null ? "not tuned" : state;
    }

    static String apply() {
        if (SYSTEM.equalsIgnoreCase(System.getProperty(PROPERTY, "").trim())) {
            return "C library defaults (-D" + PROPERTY + "=" + SYSTEM + ")";
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            return "C library defaults (not Linux)";
        }
        try {
            CLibrary c = Native.load("c", CLibrary.class);
            boolean ok = c.mallopt(M_MMAP_THRESHOLD, ONE_GIB) == 1
                    & c.mallopt(M_TRIM_THRESHOLD, ONE_GIB) == 1
                    & c.mallopt(M_TOP_PAD, TOP_PAD) == 1
                    & c.mallopt(M_ARENA_MAX, 1) == 1;
            return ok ? "glibc malloc tuned (mmap and trim thresholds 1 GiB, top pad 64 MiB, one arena)"
                    : "glibc malloc partly tuned (mallopt refused a setting)";
        } catch (Throwable t) { // no libc.so.6 / mallopt (e.g. musl): keep the defaults, never fail the start
            return "C library defaults (mallopt unavailable: " + t.getClass().getSimpleName() + ")";
        }
    }
}
