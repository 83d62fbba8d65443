package org.haxlab.app.cli;

import static org.haxlab.app.cli.UsageErrorsTest.assertClean;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.haxlab.app.cli.HardenedCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input the reliability pass broke the promises with: encodings, byte-order marks, pipes and devices, huge or
 * hostile input. Each is read in bounded memory and answered with a clear message.
 */
class InputHandlingTest {

    private static final String VALID = "A a 3 b 2 B b 4 a 1 | B a ? b ?\n";

    @TempDir
    Path tmp;

    @Test
    void aFileThatIsNotUtf8NamesTheByteAndItsOffset() throws Exception {
        byte[] bytes = ("A a 1 | A a ?" + "\n").getBytes(StandardCharsets.US_ASCII);
        bytes[4] = (byte) 0xFF;
        Path file = Files.write(tmp.resolve("latin.txt"), bytes);
        for (String command : new String[] {"check", "inspect"}) {
            Result r = HardenedCli.run(command, "--file", file.toString());
            assertEquals(2, r.code(), r.all());
            assertClean(r);
            assertTrue(r.err().contains("is not UTF-8 text: byte 0xFF at offset 4"), r.err());
        }
    }

    @Test
    void aByteOrderMarkIsAcceptedEverywhere() throws Exception {
        byte[] text = VALID.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[text.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bom, 3, text.length);
        Path file = Files.write(tmp.resolve("bom.txt"), bom);
        Result r = HardenedCli.run("check", "--file", file.toString());
        assertEquals(0, r.code(), r.all());
        Result piped = HardenedCli.runWithInput(bom, "check", "-");
        assertEquals(0, piped.code(), piped.all());
        assertEquals(r.out(), piped.out());
    }

    @Test
    void pipesDevicesAndDirectoriesAreNotCalledMissing() throws Exception {
        Result empty = HardenedCli.run("check", "--file", "/dev/null");
        assertEquals(1, empty.code(), "an empty input is an invalid sequence: " + empty.all());
        assertFalse(empty.err().contains("no such file"), empty.err());
        Result dir = HardenedCli.run("check", "--file", tmp.toString());
        assertEquals(2, dir.code());
        assertTrue(dir.err().contains("is a directory, not a file"), dir.err());
        Result dash = HardenedCli.runWithInput(VALID, "check", "--file", "-");
        assertEquals(0, dash.code(), dash.all());
        Result missing = HardenedCli.run("check", "--file", tmp.resolve("none.txt").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void checkStopsReadingAtTheFirstTokenPastTheLimit() {
        // 64 MiB of tokens: the check must answer after reading a few KiB, not hold the whole input
        CountingInput in = new CountingInput("A a 1 ".getBytes(StandardCharsets.US_ASCII), 64L << 20);
        Result r = HardenedCli.run(HardenedCli.FIXTURE_MODELS, in, "check", "--max-length", "100", "-");
        assertEquals(1, r.code(), r.all());
        assertTrue(r.err().contains("invalid sequence"), r.err());
        assertTrue(r.err().lines().skip(1).findFirst().orElse("").contains("more than the maximum 100"),
                "the over-length error comes first: " + r.err());
        assertTrue(in.read < 64 * 1024, "read " + in.read + " bytes");
    }

    @Test
    void errorsOfAHugeLineAreCappedWithACount() {
        Result r = HardenedCli.runWithInput("?".repeat(1 << 20), "check", "-");
        assertEquals(1, r.code());
        long lines = r.err().lines().count();
        assertTrue(lines <= CheckCommand.MAX_ERRORS + 2, lines + " lines");
        assertTrue(r.err().contains("... and "), r.err().lines().reduce((a, b) -> b).orElse(""));
        assertTrue(r.err().length() < 10_000, r.err().length() + " characters of errors");
    }

    @Test
    void controlCharactersAreShownEscapedNotSentToTheTerminal() {
        Result r = HardenedCli.run("check", "A", "a", "\u001b[31mred", "|", "A", "a", "?");
        assertEquals(1, r.code());
        assertFalse(r.err().contains("\u001b"), "raw escape echoed");
        assertTrue(r.err().contains("\\u001B[31mred"), r.err());
    }

    @Test
    void leadingZerosReadTheSameAtAnyWidth() {
        Result three = HardenedCli.run("check", "A", "a", "001", "|", "A", "a", "?");
        Result four = HardenedCli.run("check", "A", "a", "0001", "|", "A", "a", "?");
        assertEquals(0, three.code(), three.all());
        assertEquals(0, four.code(), four.all());
        assertEquals(three.out(), four.out());
    }

    @Test
    void generateStopsWhenTheReaderGoesAway() {
        // generate | head -c 100: the writer fails after 100 characters; the command must end, not run for minutes
        java.io.Writer head = new java.io.Writer() {
            private int written;

            @Override
            public void write(char[] c, int off, int len) throws IOException {
                written += len;
                if (written > 100) {
                    throw new IOException("Broken pipe");
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Result r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> HardenedCli.run(HardenedCli.FIXTURE_MODELS, org.haxlab.model.train.Wiring.models(), null, head,
                        "generate", "--count", "2000000000"));
        assertEquals(0, r.code(), r.err());
    }

    /** An input of {@code total} bytes repeating {@code pattern}, counting what was read. */
    static final class CountingInput extends InputStream {
        private final byte[] pattern;
        private final long total;
        long read;

        CountingInput(byte[] pattern, long total) {
            this.pattern = pattern;
            this.total = total;
        }

        @Override
        public int read() {
            if (read >= total) {
                return -1;
            }
            return pattern[(int) (read++ % pattern.length)];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - read);
            for (int i = 0; i < n; i++) {
                b[off + i] = pattern[(int) ((read + i) % pattern.length)];
            }
            read += n;
            return n;
        }
    }
}
