package org.haxlab.model.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import com.google.gson.JsonObject;
import org.haxlab.model.task.Batch;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.trace.ForwardOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointStoreTest {

    @TempDir
    Path tmp;
    private NDManager manager;
    private final CheckpointStore store = new CheckpointStore();

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static RunRecord record(TinyRecallModel m, int step) {
        JsonObject task = new JsonObject();
        task.addProperty("name", "fixture");
        return RunRecord.of(m.config(), task, Fixtures.config(10, 1e-3).toJson(), Map.of("init", 1L, "data", 7L), step,
                Map.of("loss", 1.5, "val_accuracy", Double.NaN));
    }

    private static float[] logits(TinyRecallModel m, List<RecallSequence> seqs) {
        try (NDScope scope = new NDScope(); NDManager work = m.params().manager().newSubManager()) {
            scope.suppressNotUsedWarning();
            Batch b = Batch.of(seqs, seqs.stream().mapToInt(RecallSequence::length).max().orElseThrow(), work);
            return m.forward(b.tokens(), ForwardOptions.eval()).logits().toFloatArray();
        }
    }

    private TinyRecallModel trained(long seed) {
        TinyRecallModel m = Fixtures.model(manager, seed);
        new Trainer(m, Fixtures.config(5, 1e-2), new RecallFixture(Fixtures.SPEC), List.of()).run();
        return m;
    }

    @Test
    void saveLoadGivesBitwiseIdenticalLogits() throws Exception {
        List<RecallSequence> seqs = Fixtures.heldOut(4);
        try (TinyRecallModel a = trained(1); TinyRecallModel b = Fixtures.model(manager, 1)) {
            RunRecord written = store.save(tmp.resolve("run/best"), a, record(a, 5));
            assertFalse(Arrays.equals(logits(a, seqs), logits(b, seqs)), "fresh model differs before loading");
            RunRecord read = store.loadInto(tmp.resolve("run"), b);
            assertArrayEquals(logits(a, seqs), logits(b, seqs), 0f);
            assertEquals(written.weightsSha256(), read.weightsSha256());
            assertEquals(a.config(), read.model());
            assertEquals(5, read.step());
            assertEquals("fixture", read.task().get("name").getAsString());
            assertTrue(Double.isNaN(read.metrics().get("val_accuracy")));
            assertEquals(RunRecord.FORMAT_VERSION, read.formatVersion());
            assertTrue(Files.isRegularFile(tmp.resolve("run/best/weights.ndlist")));
        }
    }

    @Test
    void corruptTruncatedAndMismatchedCheckpointsAreRefused() throws Exception {
        try (TinyRecallModel a = trained(2)) {
            Path dir = tmp.resolve("cp");
            store.save(dir, a, record(a, 5));
            Path weights = dir.resolve(CheckpointStore.WEIGHTS_FILE);
            byte[] good = Files.readAllBytes(weights);

            byte[] flipped = good.clone();
            flipped[flipped.length - 7] ^= 0x55;
            Files.write(weights, flipped);
            CheckpointException e = assertThrows(CheckpointException.class, () -> store.read(dir));
            assertTrue(e.getMessage().contains("weights.ndlist") && e.getMessage().contains("SHA-256"), e.getMessage());

            Files.write(weights, Arrays.copyOf(good, good.length / 2));
            e = assertThrows(CheckpointException.class, () -> store.read(dir));
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());

            Files.write(weights, good);
            Path json = dir.resolve(CheckpointStore.RECORD_FILE);
            String text = Files.readString(json);
            Files.writeString(json, text.substring(0, text.length() / 2));
            e = assertThrows(CheckpointException.class, () -> store.read(dir));
            assertTrue(e.getMessage().contains("run.json") && e.getMessage().contains("not a valid run record"), e.getMessage());

            Files.writeString(json, text.replace("\"formatVersion\": 1", "\"formatVersion\": 99"));
            e = assertThrows(CheckpointException.class, () -> store.read(dir));
            assertTrue(e.getMessage().contains("do not match its recordSha256"), e.getMessage());
            Files.writeString(json, RecordSealTest.reseal(text.replace("\"formatVersion\": 1", "\"formatVersion\": 99")));
            e = assertThrows(CheckpointException.class, () -> store.read(dir));
            assertTrue(e.getMessage().contains("format version 99"), e.getMessage());

            Files.writeString(json, text);
            try (TinyRecallModel wider = new TinyRecallModel(TinyRecallModel.config(24, 2), manager, ai.djl.Device.cpu())) {
                e = assertThrows(CheckpointException.class, () -> store.loadInto(dir, wider));
                assertTrue(e.getMessage().contains("model config does not match"), e.getMessage());
                // the differing field by its run.json name, not two records printed whole
                assertTrue(e.getMessage().contains("dModel: the checkpoint has " + a.config().dModel() + ", the model 24"),
                        e.getMessage());
                assertFalse(e.getMessage().contains("ModelConfig["), e.getMessage());
            }
            // same config, but a weights file with other shapes than recorded: hash and size fixed up to match
            try (TinyRecallModel other = new TinyRecallModel(TinyRecallModel.config(24, 2), manager, ai.djl.Device.cpu())) {
                Path odir = tmp.resolve("other");
                store.save(odir, other, record(other, 1));
                byte[] otherWeights = Files.readAllBytes(odir.resolve(CheckpointStore.WEIGHTS_FILE));
                Files.write(weights, otherWeights);
                Files.writeString(json, RecordSealTest.reseal(text.replace(CheckpointStore.sha256(good),
                        CheckpointStore.sha256(otherWeights)).replace("\"bytes\": " + good.length, "\"bytes\": " + otherWeights.length)));
                e = assertThrows(CheckpointException.class, () -> store.read(dir));
                assertTrue(e.getMessage().contains("has shape"), e.getMessage());
            }
            assertThrows(CheckpointException.class, () -> store.read(tmp.resolve("nothing-here")));

            // a copy that left the weights behind: said in words, not as a Java exception
            Files.writeString(json, text);
            Files.delete(weights);
            e = assertThrows(CheckpointException.class, () -> store.read(dir));
            assertTrue(e.getMessage().endsWith("weights.ndlist: is missing: the checkpoint is incomplete (copy the whole "
                    + "folder)"), e.getMessage());
        }
    }

    /** Simulates a kill: the hook throws an Error (not caught by the store's rollback) at each stage. */
    @Test
    void killDuringSaveLeavesALoadableCheckpoint() throws Exception {
        String[] stages = {"weights-written", "record-written", "old-moved", "swapped"};
        for (String stage : stages) {
            Path run = tmp.resolve("run-" + stage);
            try (TinyRecallModel a = Fixtures.model(manager, 3); TinyRecallModel b = trained(4);
                 TinyRecallModel probe = Fixtures.model(manager, 9)) {
                store.save(run.resolve("best"), a, record(a, 1));
                CheckpointStore dying = new CheckpointStore(s -> {
                    if (s.equals(stage)) {
                        throw new AssertionError("killed at " + s);
                    }
                });
                assertThrows(AssertionError.class, () -> dying.save(run.resolve("best"), b, record(b, 2)));
                RunRecord r = store.loadInto(run, probe);
                Map<String, float[]> expected = (r.step() == 1 ? a : b).params().snapshot();
                assertEquals(stage.equals("swapped") ? 2 : 1, r.step(), stage);
                probe.params().snapshot().forEach((n, v) -> assertArrayEquals(expected.get(n), v, 0f, n));
                // the next save recovers and replaces cleanly
                store.save(run.resolve("best"), b, record(b, 3));
                assertEquals(3, store.read(run).record().step());
            }
        }
    }

    @Test
    void failedSaveRollsBackAndSaysWhy() throws Exception {
        try (TinyRecallModel a = Fixtures.model(manager, 3)) {
            Path dir = tmp.resolve("cp");
            store.save(dir, a, record(a, 1));
            CheckpointStore failing = new CheckpointStore(s -> {
                if (s.equals("old-moved")) {
                    throw new IOException("disk full");
                }
            });
            CheckpointException e = assertThrows(CheckpointException.class, () -> failing.save(dir, a, record(a, 2)));
            assertTrue(e.getMessage().contains("disk full"), e.getMessage());
            assertEquals(1, store.read(dir).record().step());
            try (var files = Files.list(tmp)) {
                assertEquals(List.of("cp"), files.map(p -> p.getFileName().toString()).toList(), "temp dirs cleaned up");
            }
        }
    }

    @Test
    void runJsonIsReadableText() throws Exception {
        try (TinyRecallModel a = Fixtures.model(manager, 3)) {
            store.save(tmp.resolve("cp"), a, record(a, 1));
            String json = Files.readString(tmp.resolve("cp/run.json"), StandardCharsets.UTF_8);
            assertTrue(json.contains("\"backbone\": \"MAMBA1\"") && json.contains("\"pattern\": \"NONE\"")
                    && json.contains("\"djlVersion\"") && json.contains("\"sha256\""), json);
        }
    }
}
