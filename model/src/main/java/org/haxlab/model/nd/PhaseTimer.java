package org.haxlab.model.nd;

import ai.djl.ndarray.NDArray;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A debug timer of the phases of a step, on by {@code -Dhaxlab.profile=true} (off by default: then every call
 * returns at once and nothing is read). Work on a GPU is queued, so wall time means nothing unless the queue is
 * drained: each {@link #mark} first waits for every kernel queued so far by reading one value of an array the
 * phase produced ({@link HostReads#synchronise}; DJL has no device synchronise), then charges the time since
 * the previous mark to the phase that just ended. The reads change what they measure a little (the host can
 * no longer run ahead of the device), so profile to find where time goes, and time with the benchmarks.
 *
 * <p>Per thread: a training step marks its phases on the thread that runs it; {@link #snapshot} and
 * {@link #reset} act on the calling thread's totals. {@code bench train} prints them per row when on.
 */
public final class PhaseTimer {

    /** Whether phases are timed ({@code -Dhaxlab.profile=true}). */
    public static final boolean ENABLED = Boolean.getBoolean("haxlab.profile");

    private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

    private PhaseTimer() {
    }

    /** One thread's totals. */
    private static final class State {
        final Map<String, double[]> totals = new LinkedHashMap<>();
        long last = System.nanoTime();
    }

    /**
     * Ends a phase: waits for the device to finish the work queued so far (by reading from {@code sync}), then
     * adds the time since the previous mark to {@code phase}. A no-op unless {@link #ENABLED}.
     *
     * @param phase what ran since the previous mark, such as {@code "attn.selection"}
     * @param sync  an array the phase produced (or any array on the device); null only on the host
     */
    public static void mark(String phase, NDArray sync) {
        if (!ENABLED) {
            return;
        }
        if (sync != null) {
            HostReads.synchronise(sync);
        }
        State s = STATE.get();
        long now = System.nanoTime();
        double[] t = s.totals.computeIfAbsent(phase, k -> new double[2]);
        t[0] += (now - s.last) / 1e6;
        t[1]++;
        s.last = now;
    }

    /** Starts timing from now without charging the time since the last mark to any phase. */
    public static void restart() {
        if (ENABLED) {
            STATE.get().last = System.nanoTime();
        }
    }

    /** The calling thread's totals: phase to {total ms, count}, in first-seen order. */
    public static Map<String, double[]> snapshot() {
        Map<String, double[]> out = new LinkedHashMap<>();
        STATE.get().totals.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    /** Clears the calling thread's totals and restarts. */
    public static void reset() {
        State s = STATE.get();
        s.totals.clear();
        s.last = System.nanoTime();
    }

    /** The calling thread's totals as lines {@code phase  total ms  calls  ms per step}, for {@code steps} steps. */
    public static String table(int steps) {
        StringBuilder sb = new StringBuilder();
        double all = 0;
        for (double[] v : STATE.get().totals.values()) {
            all += v[0];
        }
        for (Map.Entry<String, double[]> e : STATE.get().totals.entrySet()) {
            double[] v = e.getValue();
            sb.append(String.format(Locale.ROOT, "%-22s %10.1f ms %6d calls %9.2f ms/step %5.1f%%%n", e.getKey(), v[0],
                    (long) v[1], v[0] / Math.max(1, steps), all > 0 ? 100 * v[0] / all : 0));
        }
        return sb.toString();
    }
}
