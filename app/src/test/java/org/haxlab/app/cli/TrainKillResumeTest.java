package org.haxlab.app.cli;

import org.haxlab.app.Main;
import org.haxlab.model.train.CheckpointStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real command in a child JVM, killed (SIGKILL) mid-run: while it runs a second run on its folder is
 * refused naming it; afterwards {@code --resume} continues from its last checkpoint and ends exactly where
 * an uninterrupted run ends.
 */
class TrainKillResumeTest {

    private static final String[] RUN = {"train", "--backbone", "mamba2", "--pattern", "sw", "--k", "4", "--batch", "2",
        "--seed", "11", "--contexts", "1", "--keys", "2", "--warmup", "2", "--val-every", "4", "--val-samples", "4",
        "--device", "cpu"};

    static {
        // the same libtorch thread count as the child: reductions then add in the same order
        ai.djl.engine.Engine.getEngine("PyTorch");
        ai.djl.pytorch.jni.JniUtils.setNumThreads(1);
    }

    @TempDir
    Path tmp;

    @Test
    void killedRunIsLockedWhileAliveAndResumesExactlyAfterwards() throws Exception {
        Path dir = tmp.resolve("run");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Main.class.getName()));
        cmd.addAll(List.of(RUN));
        cmd.addAll(List.of("--steps", "100000", "--checkpoint-every", "2", "--out", dir.toString()));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile()).start();
        Path state = dir.resolve("last").resolve("resume.json");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(Files.exists(state) && step(state) >= 4) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(child.isAlive() && Files.exists(state), "child: " + Files.readString(tmp.resolve("child.log")));
            CliTestSupport.Result busy = CliTestSupport.run("train", "--resume", "--out", dir.toString(), "--steps", "8");
            assertEquals(2, busy.code(), busy.err());
            assertTrue(busy.err().contains("in use by pid " + child.pid()), busy.err());
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        int saved = step(state);
        int total = saved + 5;
        CliTestSupport.Result r = CliTestSupport.run("train", "--resume", "--out", dir.toString(),
                "--steps", Integer.toString(total));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("resuming at step " + saved), r.err());

        Path whole = tmp.resolve("whole");
        List<String> one = new ArrayList<>(List.of(RUN));
        one.addAll(List.of("--steps", Integer.toString(total), "--out", whole.toString()));
        CliTestSupport.Result w = CliTestSupport.run(one.toArray(String[]::new));
        assertEquals(0, w.code(), w.err());
        assertEquals(curve(whole), curve(dir), "each step once, with the uninterrupted run's values");
        assertArrayEquals(Files.readAllBytes(whole.resolve("last").resolve(CheckpointStore.WEIGHTS_FILE)),
                Files.readAllBytes(dir.resolve("last").resolve(CheckpointStore.WEIGHTS_FILE)));
    }

    private static int step(Path resumeJson) {
        try {
            return com.google.gson.JsonParser.parseString(Files.readString(resumeJson)).getAsJsonObject().get("step")
                    .getAsInt();
        } catch (Exception e) {
            return -1; // replaced while we read it
        }
    }

    /** metrics.csv rows without the timing columns. */
    private static List<String> curve(Path dir) throws Exception {
        return Files.readAllLines(dir.resolve("metrics.csv")).stream()
                .map(l -> String.join(",", Arrays.copyOf(l.split(",", -1), 7))).toList();
    }
}
