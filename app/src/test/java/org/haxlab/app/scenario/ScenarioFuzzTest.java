package org.haxlab.app.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario files as users and accidents leave them: the reproductions of the reliability pass (deep nesting,
 * huge numbers, other encodings, a byte-order mark), then mutated samples that must either load or be refused
 * with a {@link ScenarioException}, never anything else.
 */
class ScenarioFuzzTest {

    @TempDir
    Path dir;

    private static List<Path> samples() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("..", "samples", "scenarios"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** A sample that spells its configs out: one naming zoo models would be refused in a folder without a zoo. */
    private static Path withConfigs() throws Exception {
        for (Path p : samples()) {
            if (Files.readString(p).contains("\"config\"")) {
                return p;
            }
        }
        throw new AssertionError("no sample scenario spells out its model configs");
    }

    private ScenarioException refused(byte[] bytes) throws Exception {
        Path file = Files.write(dir.resolve("s.json"), bytes);
        try {
            ScenarioFiles.load(file);
        } catch (ScenarioException e) {
            return e;
        }
        return null;
    }

    @Test
    void aScenarioNested100000DeepIsRefusedNotAStackOverflow() throws Exception {
        ScenarioException e = refused(("{\"a\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}")
                .getBytes(StandardCharsets.UTF_8));
        assertNotNull(e);
        assertTrue(e.problem().contains("nested deeper than"), e.getMessage());
    }

    @Test
    void aHugeWidthNamesTheField() throws Exception {
        String text = Files.readString(withConfigs());
        ScenarioException e = refused(text.replaceFirst("\"dModel\": \\d+", "\"dModel\": 1000000")
                .getBytes(StandardCharsets.UTF_8));
        assertNotNull(e);
        assertTrue(e.field().endsWith("dModel") && e.problem().contains("outside 1..8192"), e.getMessage());
    }

    @Test
    void encodingsBomAndOtherwise() throws Exception {
        byte[] text = Files.readAllBytes(withConfigs());
        byte[] bom = new byte[text.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bom, 3, text.length);
        assertEquals(null, refused(bom), "a byte-order mark is accepted");
        byte[] latin = text.clone();
        latin[20] = (byte) 0xE9;
        ScenarioException e = refused(latin);
        assertNotNull(e);
        assertTrue(e.problem().contains("byte 0xE9 at offset 20"), e.getMessage());
    }

    @Test
    void mutatedSamplesLoadOrAreRefusedWithAField() throws Exception {
        Random r = new Random(7);
        List<Path> files = samples();
        String[] pieces = {"{", "}", "[", "]", ",", ":", "\"", "1e309", "-1", "null", "2147483648", "0.5", "\"x\"",
            "\u00e9", "\\u0000", "true"};
        int refused = 0;
        for (int n = 0; n < 1500; n++) {
            byte[] good = Files.readAllBytes(files.get(r.nextInt(files.size())));
            byte[] bytes;
            switch (r.nextInt(3)) {
                case 0 -> {
                    bytes = good.clone();
                    bytes[r.nextInt(bytes.length)] ^= (byte) (1 + r.nextInt(255));
                }
                case 1 -> bytes = java.util.Arrays.copyOf(good, r.nextInt(good.length));
                default -> {
                    String t = new String(good, StandardCharsets.UTF_8);
                    int at = r.nextInt(t.length());
                    bytes = (t.substring(0, at) + pieces[r.nextInt(pieces.length)] + t.substring(at))
                            .getBytes(StandardCharsets.UTF_8);
                }
            }
            try {
                ScenarioException e = refused(bytes);
                if (e != null) {
                    refused++;
                    assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
                }
            } catch (RuntimeException | StackOverflowError e) {
                fail("mutation " + n + " escaped as " + e, e);
            }
        }
        assertTrue(refused > 500, refused + " of 1500 refused");
    }
}
