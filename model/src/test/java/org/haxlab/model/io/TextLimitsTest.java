package org.haxlab.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strict UTF-8 with byte-order marks and offsets, bounded reads, and JSON depth limits. */
class TextLimitsTest {

    @TempDir
    Path tmp;

    @Test
    void aByteOrderMarkIsDroppedAndBadBytesAreLocated() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'};
        assertEquals("hi", Utf8Text.decode(bom, "x"));
        byte[] bad = {'a', 'b', (byte) 0xE9, 'c'};
        Utf8Text.NotUtf8Exception e = assertThrows(Utf8Text.NotUtf8Exception.class, () -> Utf8Text.decode(bad, "f.txt"));
        assertEquals(2, e.offset());
        assertEquals("f.txt is not UTF-8 text: byte 0xE9 at offset 2 is not valid UTF-8 (save the file as UTF-8)",
                e.getMessage());
        byte[] cut = {'a', (byte) 0xE2, (byte) 0x82};   // a three-byte character cut short at the end
        assertThrows(Utf8Text.NotUtf8Exception.class, () -> Utf8Text.decode(cut, "x"));
    }

    @Test
    void readsAreBoundedAndFilesAreDescribed() throws Exception {
        IOException big = assertThrows(IOException.class,
                () -> Utf8Text.read(new ByteArrayInputStream(new byte[5000]), "stdin", 4096));
        assertTrue(big.getMessage().contains("larger than 4 KiB"), big.getMessage());
        IOException dir = assertThrows(IOException.class, () -> Utf8Text.read(tmp, 100));
        assertTrue(dir.getMessage().contains("is a directory"), dir.getMessage());
        IOException none = assertThrows(IOException.class, () -> Utf8Text.read(tmp.resolve("none"), 100));
        assertTrue(none.getMessage().contains("no such file"), none.getMessage());
        assertEquals("", Utf8Text.read(Path.of("/dev/null"), 100));
        Path f = Files.write(tmp.resolve("ok.json"), "{\"a\": 1}".getBytes(StandardCharsets.UTF_8));
        assertEquals("{\"a\": 1}", Utf8Text.read(f, 100));
    }

    @Test
    void jsonDepthIsLimitedBeforeAnyRecursion() {
        assertEquals(1, BoundedJson.parse("{\"a\": [1, {\"b\": 2}]}").getAsJsonObject().size());
        IllegalArgumentException deep = assertThrows(IllegalArgumentException.class,
                () -> BoundedJson.parse("[".repeat(100_000) + "]".repeat(100_000)));
        assertTrue(deep.getMessage().contains("nested deeper than 32 levels"), deep.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> BoundedJson.parse("{\"a\": }"));
        assertTrue(bad.getMessage().startsWith("not valid JSON"), bad.getMessage());
        // where the syntax breaks, in a user's words: not Gson's advice to call one of its methods
        IllegalArgumentException unquoted = assertThrows(IllegalArgumentException.class,
                () -> BoundedJson.parse("{\"format\": haxlab}"));
        assertEquals("not valid JSON: malformed JSON at line 1 column 12 path $.format", unquoted.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BoundedJson.parse("{} {}"));
        assertThrows(IllegalArgumentException.class, () -> BoundedJson.parse("{'lenient': 1}"));
    }
}
