package org.haxlab.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCommandTest {

    @Test
    void printsTheAnswerTableOfTheSpecExample() {
        CliTestSupport.Result r = CliTestSupport.run("check", "A", "a", "3", "b", "2", "B", "b", "4", "a", "1", "|", "B", "a", "?",
                "b", "?", "A", "b", "?", "a", "?");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("valid joint recall, 2 levels: 2 contexts x 2 keys, 4 queries"), r.out());
        String[] rows = r.out().strip().split("\\R");
        assertEquals(7, rows.length, r.out());
        assertTrue(rows[3].matches("\\s+13\\s+B a\\s+1\\s+9"), rows[3]);
        assertTrue(rows[6].matches("\\s+20\\s+A a\\s+3\\s+2"), rows[6]);
    }

    @Test
    void invalidInputListsErrorsAndExitsNonZero() {
        CliTestSupport.Result r = CliTestSupport.run("check", "A a 3 a 4 | B a ?");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("invalid sequence: 2 errors"), r.err());
        assertTrue(r.err().contains("position 4 ('a', column 7): key defined twice in context A"), r.err());
        assertTrue(r.err().contains("position 8 ('a', column 15): query for (B a)"), r.err());
        r = CliTestSupport.run("check");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("empty input"), r.err());
    }

    @Test
    void readsStandardInputAndFiles(@TempDir Path dir) throws IOException {
        CliTestSupport.Result r = CliTestSupport.runWithInput("1 42 26 13 4 42 26 13 3 3\n", "check", "--format", "ids", "-");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("A a 3 | A a ?"), r.out());
        Path file = dir.resolve("seq.txt");
        Files.writeString(file, "# a comment line\na 3 b 5 . . a ? b ?\n");
        r = CliTestSupport.run("check", "--file", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("valid MQAR: 2 keys, 2 queries"), r.out());
        r = CliTestSupport.run("check", "--file", dir.resolve("missing.txt").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no such file"), r.err());
        r = CliTestSupport.run("check", "--max-length", "5", "A a 3 | A a ?");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("over-length"), r.err());
    }

    @Test
    void generatedSequencesCheckAsValid() {
        String seq = CliTestSupport.run("generate", "-c", "3", "-k", "2", "--format", "ids", "--pad").out();
        CliTestSupport.Result r = CliTestSupport.runWithInput(seq, "check", "--format", "ids", "-");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("3 contexts x 2 keys, 6 queries, 32 tokens"), r.out());
    }

    @Test
    void helpExplainsExitCodes() {
        CliTestSupport.Result r = CliTestSupport.run("check", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Exit code 0: valid; 1: invalid sequence"), r.out());
        assertTrue(r.out().contains("--file") && r.out().contains("--format") && r.out().contains("--max-length"));
    }
}
