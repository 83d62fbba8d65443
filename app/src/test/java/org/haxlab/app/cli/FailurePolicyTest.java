package org.haxlab.app.cli;

import static org.haxlab.app.cli.UsageErrorsTest.assertClean;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.haxlab.app.cli.HardenedCli.Result;
import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.train.Checkpoint;
import org.haxlab.model.train.CheckpointStore;
import org.haxlab.model.train.ModelFactory;
import org.haxlab.model.train.RunState;
import org.haxlab.model.train.Wiring;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures that are not the user's typing: one line and exit 1 (the stack trace only under {@code --debug}),
 * broken (NaN) models reported as such, and the exit code of a run stopped with Ctrl-C.
 */
class FailurePolicyTest {

    @TempDir
    Path tmp;

    private String[] train(Path out, String... extra) {
        List<String> a = new java.util.ArrayList<>(List.of("train", "--backbone", "mamba1", "--pattern", "ssm",
                "--steps", "4", "--batch", "2", "--contexts", "1", "--keys", "2", "--val-every", "0", "--device", "cpu",
                "--out", out.toString()));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void anUnexpectedFailureIsOneLineAndTheTraceOnlyUnderDebug() {
        ModelFactory broken = (config, manager, device) -> {
            throw new UnsupportedOperationException("the natives lack an operator");
        };
        Result r = HardenedCli.run(broken, null, train(tmp.resolve("a")));
        assertEquals(1, r.code(), r.all());
        assertClean(r);
        assertTrue(r.err().startsWith("error: haxlab train failed: the natives lack an operator"), r.err());
        assertTrue(r.err().contains("--debug"), r.err());
        Result debug = HardenedCli.run(broken, null, train(tmp.resolve("b"), "--debug"));
        assertEquals(1, debug.code());
        assertTrue(debug.err().contains("\tat "), "the trace under --debug: " + debug.err());
    }

    @Test
    void runningOutOfMemoryIsOneLineWithWhatToDo() {
        ModelFactory hungry = (config, manager, device) -> {
            throw new OutOfMemoryError("Java heap space");
        };
        Result r = HardenedCli.run(hungry, null, train(tmp.resolve("a")));
        assertEquals(1, r.code(), r.all());
        assertClean(r);
        assertTrue(r.err().contains("out of memory (Java heap space)") && r.err().contains("-Xmx"), r.err());
    }

    @Test
    void evalOfABrokenModelFailsInsteadOfPrintingAccuracyZero() throws Exception {
        Path run = tmp.resolve("run");
        assertEquals(0, HardenedCli.run(train(run)).code());
        poison(run.resolve("last"));
        Result r = HardenedCli.run("eval", "--checkpoint", run.resolve("last").toString(), "--samples", "4", "--device", "cpu");
        assertEquals(1, r.code(), r.all());
        assertTrue(r.err().contains("outputs are not finite"), r.err());
        assertTrue(r.out().isEmpty(), "no accuracy line: " + r.out());
    }

    @Test
    void inspectOfABrokenModelWritesNoHalfDocument() {
        ModelFactory nan = (config, manager, device) -> {
            SequenceModel m = Wiring.models().create(config, manager, device);
            Map<String, float[]> weights = new HashMap<>();
            m.params().asMap().forEach((n, a) -> weights.put(n, filled(a.size(), Float.NaN)));
            m.params().copyFrom(weights);
            return m;
        };
        Result r = HardenedCli.run(HardenedCli.FIXTURE_MODELS, nan, null, new java.io.StringWriter(),
                "inspect", "--device", "cpu", "--sequence", "A a 1 | A a ?");
        assertEquals(1, r.code(), r.all());
        assertTrue(r.err().contains("not finite") && r.err().contains("nothing was written"), r.err());
        assertTrue(r.out().isEmpty(), r.out());
    }

    @Test
    void theExitCodeOfEachRunState() {
        assertEquals(0, TrainCommand.exitCode(RunState.FINISHED));
        assertEquals(130, TrainCommand.exitCode(RunState.STOPPED));
        assertEquals(1, TrainCommand.exitCode(RunState.DIVERGED));
    }

    @Test
    void ctrlCStopsTrainingSavesLastAndExits130() throws Exception {
        // a shell without job control starts background commands with SIGINT ignored, and a child inherits that:
        // there Ctrl-C cannot reach train at all (nor would it in a terminal), so there is nothing to test
        Assumptions.assumeFalse(sigintIgnoredHere(), "SIGINT is ignored in this process (started in the background "
                + "by a shell without job control); its children inherit that");
        Path run = tmp.resolve("run");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dai.djl.offline=true", FixtureCliMain.class.getName()));
        cmd.addAll(List.of(train(run)));
        cmd.set(cmd.indexOf("--steps") + 1, "100000000");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuffer seen = new StringBuffer();
        try {
            for (String line; (line = out.readLine()) != null; ) {
                seen.append(line).append('\n');
                if (line.startsWith("training ")) {
                    break;   // the trainer is about to step
                }
            }
            // keep reading: a child whose progress output fills the pipe blocks on its next write and never exits
            Thread drain = new Thread(() -> out.lines().forEach(l -> seen.append(l).append('\n')));
            drain.setDaemon(true);
            drain.start();
            Thread.sleep(3000);
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "train ended after Ctrl-C: " + seen);
            drain.join(10_000);
            assertEquals(TrainCommand.INTERRUPTED, p.exitValue(), seen.toString());
            assertTrue(Files.isRegularFile(run.resolve("last").resolve(CheckpointStore.RECORD_FILE)), seen.toString());
        } finally {
            // the child first: the drain holds the reader until its stream ends
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            out.close();
        }
    }

    /** Whether SIGINT is ignored in this JVM (Linux: bit 2 of SigIgn in /proc/self/status), so in its children. */
    private static boolean sigintIgnoredHere() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseLong(line.substring("SigIgn:".length()).trim(), 16) & 0b10) != 0;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return false;   // not Linux: assume the usual disposition
        }
        return false;
    }

    @Test
    void loadingACheckpointPrintsNoLibtorchWarning() throws Exception {
        Path run = tmp.resolve("run");
        assertEquals(0, HardenedCli.run(train(run)).code());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // a process of its own: libtorch writes the warning to the native stderr, once per process
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=error", FixtureCliMain.class.getName(), "eval",
                "--checkpoint", run.toString(), "--samples", "4", "--device", "cpu").redirectErrorStream(true).start();
        String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), all);
        assertTrue(all.startsWith("accuracy="), all);
        assertTrue(!all.contains("AutoNonVariableTypeMode") && !all.contains("Warning:"), all);
    }

    /** Overwrites the checkpoint in {@code dir} with the same record and NaN weights (a diverged save). */
    private static void poison(Path dir) throws Exception {
        CheckpointStore store = new CheckpointStore();
        Checkpoint cp = store.read(dir);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
             SequenceModel model = HardenedCli.FIXTURE_MODELS.create(cp.record().model(), manager, Device.cpu())) {
            Map<String, float[]> weights = new HashMap<>();
            cp.weights().forEach((n, w) -> weights.put(n, filled(w.length, Float.NaN)));
            model.params().copyFrom(weights);
            store.save(dir, model, cp.record());
        }
    }

    private static float[] filled(long n, float v) {
        float[] a = new float[(int) n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
