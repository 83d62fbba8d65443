package org.haxlab.app.jobs;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs jobs {@code jobsPerDevice} at a time on each device: one worker per (device, place) takes the next queued job,
 * starts it through the {@link RunLauncher} and waits for it. Every start and every end is one line on the progress
 * writer; an end line says how the run ended (the caller's summary, e.g. its test accuracy, or the exit code and
 * the last lines of its log) and the ETA of the whole set. A failed run is reported, not retried: the next
 * invocation continues it from its last checkpoint.
 *
 * <p>{@link #stop()} (the parent's shutdown hook) starts nothing more and asks every running child to stop, which
 * saves its {@code last/} checkpoint.
 */
public final class JobScheduler {

    /** How long a stopped scheduler (Ctrl-C, kill) waits for its children to save their checkpoints. */
    static final long STOP_WAIT_SECONDS = 90;

    /** Lines of a failed run's log shown in its end line. */
    static final int TAIL_LINES = 12;

    /**
     * How one job ended.
     *
     * @param job      the job
     * @param slot     the device it ran on (null when it never started)
     * @param exitCode the child's exit code; -1 when it could not be started or was not started
     * @param seconds  wall-clock seconds it ran
     * @param error    why it could not be started, "stopped" when it was stopped, or null
     */
    public record Outcome(RunJob job, DeviceSlot slot, int exitCode, double seconds, String error) {

        /** True when the child ran and exited 0. */
        public boolean ok() {
            return exitCode == 0 && error == null;
        }
    }

    private final RunLauncher launcher;
    private final List<DeviceSlot> slots;
    private final int jobsPerDevice;
    private final int threadsPerJob;
    private final PrintWriter progress;
    private final Function<RunJob, String> summary;
    private final Map<RunJob, Long> running = new LinkedHashMap<>();
    private final List<RunLauncher.Running> handles = new ArrayList<>();
    private final List<Double> durations = new ArrayList<>();
    private volatile boolean stopping;
    private int queuedLeft;

    /**
     * @param launcher      starts one job
     * @param slots         the devices
     * @param jobsPerDevice jobs at once on each device
     * @param threadsPerJob PyTorch intra-op threads of each job
     * @param progress      where the progress lines go
     * @param summary       a short description of a job that exited 0 (e.g. "test accuracy 27.0 %")
     */
    public JobScheduler(RunLauncher launcher, List<DeviceSlot> slots, int jobsPerDevice, int threadsPerJob,
                        PrintWriter progress, Function<RunJob, String> summary) {
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("no device to run on");
        }
        if (jobsPerDevice < 1) {
            throw new IllegalArgumentException("--jobs-per-device " + jobsPerDevice + " must be >= 1");
        }
        this.launcher = launcher;
        this.slots = List.copyOf(slots);
        this.jobsPerDevice = jobsPerDevice;
        this.threadsPerJob = threadsPerJob;
        this.progress = progress;
        this.summary = summary;
    }

    /**
     * Runs every job and returns how each ended, in the order given.
     *
     * @param jobs   the jobs, started in this order
     * @param labels each job's position label, e.g. {@code 3/18} (same order)
     */
    public List<Outcome> run(List<RunJob> jobs, List<String> labels) throws InterruptedException {
        if (labels.size() != jobs.size()) {
            throw new IllegalArgumentException("one label per job");
        }
        // Ctrl-C or kill: stop every child (each saves last/) and wait for them before the JVM goes
        CountDownLatch ended = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop();
            try {
                ended.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "haxlab-jobs-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        long t0 = System.nanoTime();
        try {
            List<Outcome> out = runAll(jobs, labels);
            double wall = (System.nanoTime() - t0) / 1e9;
            long ok = out.stream().filter(Outcome::ok).count();
            if (ok > 0) {
                // the figure to compare across --jobs-per-device (docs/CLUSTER.md): whole runs per hour of wall time
                line(String.format(Locale.ROOT, "%d run(s) trained in %s on %d device(s) x %d job(s): %.1f runs per hour",
                        ok, Eta.clock(wall), slots.size(), jobsPerDevice, ok / wall * 3600));
            }
            return out;
        } finally {
            ended.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook stopped the children and waits for them
            }
        }
    }

    private List<Outcome> runAll(List<RunJob> jobs, List<String> labels) throws InterruptedException {
        ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < jobs.size(); i++) {
            queue.add(i);
        }
        Outcome[] outcomes = new Outcome[jobs.size()];
        synchronized (this) {
            queuedLeft = jobs.size();
        }
        List<Thread> workers = new ArrayList<>();
        for (DeviceSlot slot : slots) {
            for (int j = 0; j < jobsPerDevice; j++) {
                Thread t = new Thread(() -> {
                    Integer i;
                    while (!stopping && (i = queue.poll()) != null) {
                        outcomes[i] = runOne(jobs.get(i), labels.get(i), slot);
                    }
                }, "haxlab-jobs-" + slot + "-" + j);
                t.setDaemon(true);
                workers.add(t);
                t.start();
            }
        }
        for (Thread t : workers) {
            t.join();
        }
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            out.add(outcomes[i] != null ? outcomes[i] : new Outcome(jobs.get(i), null, -1, 0, "not started (stopped)"));
        }
        return out;
    }

    private Outcome runOne(RunJob job, String label, DeviceSlot slot) {
        String name = "[" + label + " " + job.name() + "]";
        long t0 = System.nanoTime();
        RunLauncher.Running handle;
        synchronized (this) {
            queuedLeft--;
            if (stopping) {
                return new Outcome(job, null, -1, 0, "not started (stopped)");
            }
            try {
                handle = launcher.start(job, slot, threadsPerJob);
            } catch (IOException | RuntimeException e) {
                line(name + " FAILED to start on " + slot + ": " + e.getMessage());
                return new Outcome(job, slot, -1, 0, String.valueOf(e.getMessage()));
            }
            running.put(job, t0);
            handles.add(handle);
            line(name + " start on " + slot + (job.resumed() ? ", resuming from its last checkpoint" : "")
                    + " (log " + job.log() + ")");
        }
        int code;
        try {
            code = handle.waitFor();
        } catch (InterruptedException e) {
            handle.stop();
            Thread.currentThread().interrupt();
            code = -1;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        synchronized (this) {
            running.remove(job);
            handles.remove(handle);
            String how;
            if (stopping) {
                // asked to stop (Ctrl-C, kill): the child saved its checkpoint; not a duration for the ETA
                how = "stopped (exit " + code + ") after " + Eta.clock(seconds);
            } else if (code == 0) {
                durations.add(seconds);
                how = "done in " + Eta.clock(seconds) + ": " + describe(job);
            } else {
                how = "FAILED (exit " + code + ") after " + Eta.clock(seconds) + tail(job.log());
            }
            line(name + " " + how + " | " + status());
        }
        return new Outcome(job, slot, code, seconds, stopping ? "stopped" : null);
    }

    private String describe(RunJob job) {
        try {
            return summary.apply(job);
        } catch (RuntimeException e) {
            return "(no summary: " + e.getMessage() + ")";
        }
    }

    /** The remaining-work part of an end line; call holding the lock. */
    private String status() {
        double mean = durations.isEmpty() ? Double.NaN
                : durations.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        long now = System.nanoTime();
        List<Double> elapsed = new ArrayList<>();
        for (long start : running.values()) {
            elapsed.add((now - start) / 1e9);
        }
        int queued = Math.max(0, queuedLeft);
        double eta = Eta.seconds(mean, elapsed, queued, slots.size() * jobsPerDevice);
        return queued + " queued, " + running.size() + " running, ETA " + Eta.clock(eta);
    }

    /** Asks every running job to stop and starts no more; safe to call from a shutdown hook. */
    public void stop() {
        stopping = true;
        List<RunLauncher.Running> now;
        synchronized (this) {
            now = new ArrayList<>(handles);
        }
        for (RunLauncher.Running h : now) {
            h.stop();
        }
    }

    /** The currently running jobs (for tests and status). */
    public synchronized List<RunJob> running() {
        return Collections.unmodifiableList(new ArrayList<>(running.keySet()));
    }

    private void line(String s) {
        progress.println(s);
        progress.flush();
    }

    /** The last {@value #TAIL_LINES} lines of a log, indented, or a note that there is none. */
    static String tail(Path log) {
        try {
            if (!Files.isRegularFile(log)) {
                return "; no log at " + log;
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
            return "; last lines of " + log + ":\n    " + String.join("\n    ", last);
        } catch (IOException | RuntimeException e) {
            return "; its log " + log + " cannot be read (" + e.getMessage() + ")";
        }
    }
}
