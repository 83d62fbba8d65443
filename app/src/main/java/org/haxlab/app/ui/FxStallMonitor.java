package org.haxlab.app.ui;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how long the JavaFX thread is kept from its work, two ways: the largest gap between two frames
 * (an {@link AnimationTimer}; a frame is due every ~16 ms) and the largest delay of a probe posted with
 * {@link Platform#runLater} every {@value #PROBE_MILLIS} ms from a helper thread (queue latency: how long a
 * user's click would wait). Both are maxima over the time between {@link #start()} and {@link #stop()}.
 * The probe also records how much CPU time the FX thread itself used while a probe waited
 * ({@link #maxBusyCpuMillis()}): on a loaded machine a long wait with little FX CPU means the thread was
 * starved by other processes, not kept busy by this application's work.
 * Note that a running monitor keeps the pulse going (the animation timer requests a frame each time).
 */
public final class FxStallMonitor {

    /** Interval of the queue-latency probe. */
    public static final long PROBE_MILLIS = 10;

    private final AtomicLong maxGapNanos = new AtomicLong();
    private final AtomicLong maxLatencyNanos = new AtomicLong();
    private final AtomicLong maxBusyNanos = new AtomicLong();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private volatile long fxThreadId = -1;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong probes = new AtomicLong();
    private final AnimationTimer timer;
    private ScheduledExecutorService prober;
    private long lastFrame;

    /** A stopped monitor. */
    public FxStallMonitor() {
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                // measured with nanoTime rather than the pulse timestamp: a late pulse carries its due time
                long t = System.nanoTime();
                if (lastFrame != 0) {
                    maxGapNanos.accumulateAndGet(t - lastFrame, Math::max);
                }
                lastFrame = t;
                frames.incrementAndGet();
            }
        };
    }

    /** Starts measuring (any thread); maxima restart from zero. */
    public synchronized void start() {
        if (prober != null) {
            throw new IllegalStateException("stall monitor: already started");
        }
        maxGapNanos.set(0);
        maxLatencyNanos.set(0);
        maxBusyNanos.set(0);
        frames.set(0);
        probes.set(0);
        runOnFx(() -> {
            lastFrame = 0;
            timer.start();
        });
        prober = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "haxlab-fx-stall-probe");
            t.setDaemon(true);
            return t;
        });
        prober.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            long id = fxThreadId;
            long cpuAtPost = id < 0 ? -1 : threads.getThreadCpuTime(id);
            Platform.runLater(() -> {
                maxLatencyNanos.accumulateAndGet(System.nanoTime() - posted, Math::max);
                if (cpuAtPost >= 0) {
                    maxBusyNanos.accumulateAndGet(threads.getCurrentThreadCpuTime() - cpuAtPost, Math::max);
                } else {
                    fxThreadId = Thread.currentThread().getId();
                }
                probes.incrementAndGet();
            });
        }, 0, PROBE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Stops measuring (any thread); the maxima stay readable. */
    public synchronized void stop() {
        if (prober == null) {
            return;
        }
        prober.shutdownNow();
        prober = null;
        runOnFx(timer::stop);
    }

    /** Largest gap between two frames, in ms. */
    public double maxFrameGapMillis() {
        return maxGapNanos.get() / 1e6;
    }

    /** Largest delay of a runLater probe, in ms. */
    public double maxQueueLatencyMillis() {
        return maxLatencyNanos.get() / 1e6;
    }

    /** Largest CPU time the FX thread used while one probe waited, in ms (its own work, starvation excluded). */
    public double maxBusyCpuMillis() {
        return maxBusyNanos.get() / 1e6;
    }

    /** The worse of the two measures: the longest the FX thread was kept busy, in ms. */
    public double maxStallMillis() {
        return Math.max(maxFrameGapMillis(), maxQueueLatencyMillis());
    }

    /** Frames seen. */
    public long frames() {
        return frames.get();
    }

    /** Probes that ran. */
    public long probes() {
        return probes.get();
    }

    /** One line for logs and docs. */
    public String summary() {
        return String.format(Locale.ROOT, "max frame gap %.1f ms, max runLater latency %.1f ms, max FX CPU while a probe "
                + "waited %.1f ms (%d frames, %d probes)", maxFrameGapMillis(), maxQueueLatencyMillis(), maxBusyCpuMillis(),
                frames(), probes());
    }

    private static void runOnFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
