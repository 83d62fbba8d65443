package org.haxlab.model.train;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kills (SIGKILL) a child JVM that saves checkpoints in a loop; what is left must load. */
class CheckpointKillTest {

    @TempDir
    Path tmp;

    @Test
    void killedSaverLeavesALoadableCheckpoint() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-Dai.djl.offline=true", "-cp", cp,
                SaveLoopMain.class.getName(), tmp.toString()))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            Path record = tmp.resolve("best").resolve(CheckpointStore.RECORD_FILE);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(record) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.exists(record), "child never saved: " + Files.readString(tmp.resolve("child.log")));
            Thread.sleep(300); // let it be mid-way through some later save
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        try (NDManager manager = NDManager.newBaseManager(); TinyRecallModel probe = Fixtures.model(manager, 1)) {
            RunRecord r = new CheckpointStore().loadInto(tmp, probe);
            // step s has attn.q = initial + s: the weights belong to the step the record says
            float[] init;
            try (TinyRecallModel fresh = Fixtures.model(manager, 1)) {
                init = fresh.params().get("attn.q").toFloatArray();
            }
            float[] now = probe.params().get("attn.q").toFloatArray();
            assertEquals(init[0] + r.step(), now[0], 1e-3f, "weights match the record's step " + r.step());
            assertTrue(r.step() >= 1);
        }
        assertTrue(new File(tmp.toFile(), "best").isDirectory() || new File(tmp.toFile(), ".best.old").isDirectory());
    }
}
