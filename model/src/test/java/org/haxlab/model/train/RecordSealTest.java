package org.haxlab.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole {@code run.json} is covered by the checkpoint's integrity check, and the record is read with depth
 * and range limits: each reproduction of the reliability pass, then a fuzz of mutated records that may only
 * ever be refused with a {@link CheckpointException} (or, for an untouched file, accepted).
 */
class RecordSealTest {

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

    /** {@code text} with its seal recomputed, as a deliberate tool would (to reach the checks behind the seal). */
    static String reseal(String text) {
        return RecordSeal.seal(text.replaceAll("\"" + RecordSeal.FIELD + "\": \"[0-9a-f]{64}\"",
                "\"" + RecordSeal.FIELD + "\": \"" + RecordSeal.PLACEHOLDER + "\""));
    }

    /** {@link #reseal}, or the text as it is when the edit broke the seal field itself. */
    private static String tryReseal(String text) {
        try {
            return reseal(text);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private Path saved() throws Exception {
        try (TinyRecallModel m = new TinyRecallModel(TinyRecallModel.config(8, 3), manager, ai.djl.Device.cpu())) {
            Path dir = tmp.resolve("cp");
            JsonObject task = new JsonObject();
            task.addProperty("name", "fixture");
            store.save(dir, m, RunRecord.of(m.config(), task, Fixtures.config(10, 1e-3).toJson(), Map.of("init", 3L), 4,
                    Map.of("loss", 1.0)));
            return dir;
        }
    }

    private String refusal(Path dir, String text) throws Exception {
        Files.writeString(dir.resolve(CheckpointStore.RECORD_FILE), text);
        return assertThrows(CheckpointException.class, () -> store.read(dir)).getMessage();
    }

    @Test
    void editedSettingsThatKeepTheShapesAreRefused() throws Exception {
        Path dir = saved();
        String text = Files.readString(dir.resolve(CheckpointStore.RECORD_FILE));
        assertTrue(RecordSeal.verify(text), "a saved record is sealed");
        for (String[] edit : List.of(new String[] {"\"hashBits\": 8", "\"hashBits\": 6"},
                new String[] {"\"maxLen\": 128", "\"maxLen\": 127"}, new String[] {"\"path\": \"AUTO\"", "\"path\": \"DENSE\""},
                new String[] {"\"dModel\": 8", "\"dModel\": 8.0"}, new String[] {"\"step\": 4", "\"step\": -4"})) {
            assertTrue(text.contains(edit[0]), edit[0]);
            String m = refusal(dir, text.replace(edit[0], edit[1]));
            assertTrue(m.contains("do not match its recordSha256"), edit[1] + ": " + m);
        }
    }

    @Test
    void outOfRangeAndFractionalNumbersNameTheField() throws Exception {
        Path dir = saved();
        String text = Files.readString(dir.resolve(CheckpointStore.RECORD_FILE));
        String big = refusal(dir, reseal(text.replace("\"dModel\": 8", "\"dModel\": 1000000")));
        assertTrue(big.contains("model.dModel: 1000000 is outside 1..8192"), big);
        String fraction = refusal(dir, reseal(text.replace("\"dModel\": 8", "\"dModel\": 8.5")));
        assertTrue(fraction.contains("model.dModel: must be a whole number"), fraction);
        String negative = refusal(dir, reseal(text.replace("\"step\": 4", "\"step\": -4")));
        assertTrue(negative.contains("step: -4 is outside 0.."), negative);
    }

    @Test
    void deepNestingIsRefusedWithoutRecursion() throws Exception {
        Path dir = saved();
        String text = Files.readString(dir.resolve(CheckpointStore.RECORD_FILE));
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        String m = refusal(dir, deep);
        assertTrue(m.contains("nested deeper than"), m);
        String inside = refusal(dir, reseal(text.replace("\"task\": {", "\"task\": {\"x\": " + "[".repeat(10_000)
                + "]".repeat(10_000) + ",")));
        assertTrue(inside.contains("nested deeper than"), inside);
    }

    @Test
    void aRecordThatIsNotUtf8NamesTheOffset() throws Exception {
        Path dir = saved();
        byte[] bytes = Files.readAllBytes(dir.resolve(CheckpointStore.RECORD_FILE));
        bytes[10] = (byte) 0xC3;
        bytes[11] = (byte) 0x28;
        Files.write(dir.resolve(CheckpointStore.RECORD_FILE), bytes);
        String m = assertThrows(CheckpointException.class, () -> store.read(dir)).getMessage();
        assertTrue(m.contains("not UTF-8") && m.contains("offset 10"), m);
    }

    @Test
    void anUnsealedRecordOfAnEarlierVersionStillLoads() throws Exception {
        Path dir = saved();
        String text = Files.readString(dir.resolve(CheckpointStore.RECORD_FILE));
        String unsealed = text.replaceAll(",\\s*\"" + RecordSeal.FIELD + "\": \"[0-9a-f]{64}\"", "");
        assertFalse(unsealed.contains(RecordSeal.FIELD));
        Files.writeString(dir.resolve(CheckpointStore.RECORD_FILE), unsealed);
        assertEquals(4, store.read(dir).record().step());
        assertThrows(IllegalArgumentException.class, () -> RecordSeal.verify(text.replace("\"step\": 4", "\"step\": 5")));
    }

    @Test
    void fuzzedRecordsAreRefusedWithAMessageOrLoadUnchanged() throws Exception {
        Path dir = saved();
        Path file = dir.resolve(CheckpointStore.RECORD_FILE);
        byte[] good = Files.readAllBytes(file);
        String text = new String(good, StandardCharsets.UTF_8);
        Random r = new Random(2024);
        String[] pieces = {"{", "}", "[", "]", ",", ":", "\"", "1e309", "-1", "NaN", "null", "true", "\\u0000", "9999999999",
            "0.5", "\u00ff", "\"x\": "};
        int refused = 0;
        for (int n = 0; n < 1500; n++) {
            byte[] bytes;
            switch (r.nextInt(4)) {
                case 0 -> {   // flip a byte
                    bytes = good.clone();
                    bytes[r.nextInt(bytes.length)] ^= (byte) (1 + r.nextInt(255));
                }
                case 1 -> bytes = java.util.Arrays.copyOf(good, r.nextInt(good.length));   // truncate
                case 2 -> {   // insert a JSON piece, resealed so that the parser and the ranges are reached
                    int at = r.nextInt(text.length());
                    bytes = tryReseal(text.substring(0, at) + pieces[r.nextInt(pieces.length)] + text.substring(at))
                            .getBytes(StandardCharsets.UTF_8);
                }
                default -> {   // change a number, resealed
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile(": (-?\\d+)").matcher(text);
                    List<int[]> spans = new java.util.ArrayList<>();
                    while (m.find()) {
                        spans.add(new int[] {m.start(1), m.end(1)});
                    }
                    int[] s = spans.get(r.nextInt(spans.size()));
                    String value = List.of("0", "-1", "2147483648", "1000000", "3.5", "1e3").get(r.nextInt(6));
                    bytes = tryReseal(text.substring(0, s[0]) + value + text.substring(s[1])).getBytes(StandardCharsets.UTF_8);
                }
            }
            Files.write(file, bytes);
            try {
                store.read(dir);
            } catch (CheckpointException e) {
                refused++;
                assertTrue(e.getMessage() != null && e.getMessage().contains("run.json") || e.getMessage().contains("weights"),
                        e.getMessage());
            }
        }
        assertTrue(refused > 1000, refused + " of 1500 refused");
    }
}
