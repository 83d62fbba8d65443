package org.haxlab.app.jobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scheduling with a fake launcher: jobs per device, every job once, failures reported with their log, stop. */
class JobSchedulerTest {

    @TempDir
    Path tmp;

    /** Counts how many jobs run at once on each device; each job sleeps a little and exits with its planned code. */
    private static final class FakeLauncher implements RunLauncher {
        final Map<DeviceSlot, AtomicInteger> now = new ConcurrentHashMap<>();
        final Map<DeviceSlot, Integer> max = new ConcurrentHashMap<>();
        final List<String> started = Collections.synchronizedList(new ArrayList<>());
        final Map<String, Integer> codes = new HashMap<>();
        final Map<String, Integer> threads = new ConcurrentHashMap<>();
        /** Hold every run until it is stopped (instead of a 40 ms run). */
        volatile boolean holdUntilStopped;

        @Override
        public Running start(RunJob job, DeviceSlot slot, int t) {
            started.add(job.name());
            threads.put(job.name(), t);
            int n = now.computeIfAbsent(slot, s -> new AtomicInteger()).incrementAndGet();
            max.merge(slot, n, Math::max);
            // each run is held until its own stop: one latch shared by all runs let the first stop release every
            // run, and a run released by another's stop reported exit 0 instead of 143
            CountDownLatch g = holdUntilStopped ? new CountDownLatch(1) : null;
            return new Running() {
                volatile boolean stopped;

                @Override
                public int waitFor() throws InterruptedException {
                    try {
                        if (g != null) {
                            g.await(10, TimeUnit.SECONDS);
                        } else {
                            Thread.sleep(40);
                        }
                        return stopped ? 143 : codes.getOrDefault(job.name(), 0);
                    } finally {
                        now.get(slot).decrementAndGet();
                    }
                }

                @Override
                public void stop() {
                    stopped = true;
                    g.countDown();
                }
            };
        }
    }

    private List<RunJob> jobs(int n) {
        List<RunJob> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new RunJob("r" + i, tmp.resolve("runs/r" + i), List.of("--seed", "" + i), tmp.resolve("logs/r" + i + ".log"),
                    i % 2 == 1));
        }
        return out;
    }

    private static List<String> labels(int n) {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add((i + 1) + "/" + n);
        }
        return l;
    }

    @Test
    void jobsPerDeviceIsTheMostThatRunAtOnceOnEachDevice() throws Exception {
        FakeLauncher fake = new FakeLauncher();
        List<DeviceSlot> slots = List.of(new DeviceSlot(false, 0), new DeviceSlot(false, 1));
        StringWriter progress = new StringWriter();
        JobScheduler s = new JobScheduler(fake, slots, 3, 1, new PrintWriter(progress), j -> "ok " + j.name());
        List<JobScheduler.Outcome> out = s.run(jobs(14), labels(14));
        assertEquals(14, out.size());
        assertEquals(14, fake.started.size(), "every job once");
        assertEquals(14, fake.started.stream().distinct().count());
        for (DeviceSlot d : slots) {
            assertEquals(3, fake.max.get(d), "at most (and, with 14 jobs, exactly) 3 at once on " + d);
        }
        for (int i = 0; i < 14; i++) {
            assertEquals("r" + i, out.get(i).job().name(), "outcomes in job order");
            assertTrue(out.get(i).ok());
        }
        String p = progress.toString();
        assertTrue(p.contains("[1/14 r0] start on cpu:"), p);
        assertTrue(p.contains("[2/14 r1] start on") && p.contains("resuming from its last checkpoint"), p);
        assertTrue(p.contains("[14/14 r13] done in 0:00: ok r13"), p);
        assertTrue(p.contains("0 queued, 0 running, ETA 0:00"), "the last end line: nothing left\n" + p);
        assertEquals(2 * 14 + 1, p.lines().count(), "one start and one end line per run, then the runs per hour");
        assertTrue(p.contains("14 run(s) trained in 0:0") && p.contains("on 2 device(s) x 3 job(s)") && p.contains("runs per hour"), p);
    }

    @Test
    void oneDeviceOneJobRunsStrictlyInOrder() throws Exception {
        FakeLauncher fake = new FakeLauncher();
        JobScheduler s = new JobScheduler(fake, List.of(new DeviceSlot(true, 0)), 1, 4, new PrintWriter(new StringWriter()),
                j -> "");
        s.run(jobs(4), labels(4));
        assertEquals(List.of("r0", "r1", "r2", "r3"), fake.started);
        assertEquals(1, fake.max.get(new DeviceSlot(true, 0)));
        assertEquals(4, fake.threads.get("r2"), "the threads per job are passed on");
    }

    @Test
    void aFailedRunIsReportedWithItsExitCodeAndLogTailAndNotRetried() throws Exception {
        FakeLauncher fake = new FakeLauncher();
        fake.codes.put("r1", 1);
        List<RunJob> jobs = jobs(3);
        Files.createDirectories(jobs.get(1).log().getParent());
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            log.append("line ").append(i).append('\n');
        }
        log.append("error: --resume: the run in runs/r1 has backbone mamba2, not mamba1\n");
        Files.writeString(jobs.get(1).log(), log);
        StringWriter progress = new StringWriter();
        JobScheduler s = new JobScheduler(fake, List.of(new DeviceSlot(false, 0)), 2, 1, new PrintWriter(progress), j -> "ok");
        List<JobScheduler.Outcome> out = s.run(jobs, labels(3));
        assertFalse(out.get(1).ok());
        assertEquals(1, out.get(1).exitCode());
        assertTrue(out.get(0).ok() && out.get(2).ok());
        assertEquals(3, fake.started.size(), "the failed run is not retried");
        String p = progress.toString();
        assertTrue(p.contains("[2/3 r1] FAILED (exit 1) after"), p);
        assertTrue(p.contains("last lines of " + jobs.get(1).log()), p);
        assertTrue(p.contains("    error: --resume: the run in runs/r1 has backbone mamba2"), p);
        assertTrue(p.contains("    line 29") && !p.contains("    line 5\n"), "only the last lines:\n" + p);
    }

    @Test
    void aRunThatCannotStartIsReported() throws Exception {
        RunLauncher broken = (job, slot, t) -> {
            throw new java.io.IOException("Cannot run program \"/no/java\": error=2");
        };
        StringWriter progress = new StringWriter();
        JobScheduler s = new JobScheduler(broken, List.of(new DeviceSlot(false, 0)), 1, 1, new PrintWriter(progress), j -> "");
        List<JobScheduler.Outcome> out = s.run(jobs(2), labels(2));
        assertFalse(out.get(0).ok());
        assertTrue(out.get(0).error().contains("/no/java"));
        assertTrue(progress.toString().contains("[1/2 r0] FAILED to start on cpu:0: Cannot run program"), progress.toString());
    }

    @Test
    void stopStopsTheRunningAndStartsNoMore() throws Exception {
        FakeLauncher fake = new FakeLauncher();
        fake.holdUntilStopped = true;
        StringWriter progress = new StringWriter();
        JobScheduler s = new JobScheduler(fake, List.of(new DeviceSlot(false, 0)), 2, 1, new PrintWriter(progress), j -> "");
        Thread stopper = new Thread(() -> {
            while (s.running().size() < 2) {
                Thread.onSpinWait();
            }
            s.stop();
        });
        stopper.start();
        List<JobScheduler.Outcome> out = s.run(jobs(5), labels(5));
        stopper.join();
        assertEquals(2, fake.started.size(), "nothing started after stop");
        assertEquals(143, out.get(0).exitCode());
        assertEquals("not started (stopped)", out.get(4).error());
        assertNull(out.get(4).slot());
        assertTrue(progress.toString().contains("[1/5 r0] stopped (exit 143) after"), progress.toString());
    }
}
