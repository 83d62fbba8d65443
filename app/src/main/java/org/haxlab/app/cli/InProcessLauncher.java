package org.haxlab.app.cli;

import org.haxlab.app.jobs.DeviceSlot;
import org.haxlab.app.jobs.RunJob;
import org.haxlab.app.jobs.RunLauncher;
import org.haxlab.model.train.ModelFactory;
import org.haxlab.model.train.TaskFactory;
import picocli.CommandLine;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a job's {@code train} command inside this JVM, on a thread of its own, with its output appended to the
 * job's log: what a Slurm task does (one JVM per task, no second process) and what tests use with a fixture model.
 * The arguments are exactly those a child process would get. Runs in one JVM never overlap.
 */
final class InProcessLauncher implements RunLauncher {

    /**
     * DJL's PyTorch engine allows one gradient collector at a time per JVM: runs in this JVM take turns (runs that
     * should go at once are what child processes are for).
     */
    private static final Object ONE_AT_A_TIME = new Object();

    private final ModelFactory models;
    private final TaskFactory tasks;

    InProcessLauncher(ModelFactory models, TaskFactory tasks) {
        this.models = models;
        this.tasks = tasks;
    }

    /** The arguments of {@code train} for {@code job} on {@code slot}. */
    static List<String> args(RunJob job, DeviceSlot slot, int threads) {
        List<String> a = new ArrayList<>(job.trainArgs());
        a.add("--device");
        a.add(slot.gpu() ? "gpu:" + slot.index() : "cpu");
        a.add("--threads");
        a.add(Integer.toString(threads));
        return a;
    }

    /** Runs the job on the calling thread and returns train's exit code. */
    int runHere(RunJob job, DeviceSlot slot, int threads) throws IOException {
        Files.createDirectories(job.log().toAbsolutePath().getParent());
        synchronized (ONE_AT_A_TIME) {
            return runLocked(job, slot, threads);
        }
    }

    private int runLocked(RunJob job, DeviceSlot slot, int threads) throws IOException {
        try (PrintWriter log = new PrintWriter(new OutputStreamWriter(Files.newOutputStream(job.log(),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), StandardCharsets.UTF_8), true)) {
            CommandLine cli = new CommandLine(new TrainCommand(models, tasks)).setCaseInsensitiveEnumValuesAllowed(true);
            cli.setOut(log);
            cli.setErr(log);
            return cli.execute(args(job, slot, threads).toArray(String[]::new));
        }
    }

    @Override
    public Running start(RunJob job, DeviceSlot slot, int threads) {
        AtomicInteger code = new AtomicInteger(-1);
        Thread t = new Thread(() -> {
            try {
                code.set(runHere(job, slot, threads));
            } catch (IOException | RuntimeException e) {
                code.set(1);
            }
        }, "haxlab-train-" + job.name());
        t.start();
        return new Running() {
            @Override
            public int waitFor() throws InterruptedException {
                t.join();
                return code.get();
            }

            @Override
            public void stop() {
                // a run in this JVM stops with the JVM (train's own shutdown hook saves last/)
            }
        };
    }
}
