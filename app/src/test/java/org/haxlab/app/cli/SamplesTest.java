package org.haxlab.app.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every file in samples/ checks as documented: valid ones exit 0, invalid-* ones exit 1. */
class SamplesTest {

    @Test
    void everySampleChecksAsDocumented() throws IOException {
        Path dir = Path.of("..", "samples");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".ids")).sorted().toList();
        }
        assertTrue(files.size() >= 8, "samples found: " + files);
        for (Path f : files) {
            String name = f.getFileName().toString();
            String format = name.endsWith(".ids") ? "ids" : "text";
            CliTestSupport.Result r = CliTestSupport.run("check", "--format", format, "--file", f.toString());
            assertEquals(name.startsWith("invalid-") ? 1 : 0, r.code(), name + ": " + r.out() + r.err());
        }
        CliTestSupport.Result bad = CliTestSupport.run("check", "--file", dir.resolve("invalid-mistakes.txt").toString());
        String readme = Files.readString(dir.resolve("README.md"));
        for (String line : bad.err().strip().split("\\R")) {
            assertTrue(readme.contains(line.strip()), "README shows the current report line: " + line);
        }
    }
}
