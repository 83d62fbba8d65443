package org.haxlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code haxlab snapshot}'s checks of its options, made before the engine or a window starts. */
class SnapshotCommandTest {

    @TempDir
    Path tmp;

    private static int run(StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** A lesson that opens anywhere: an untrained model given by its config, no zoo or checkpoint needed. */
    private static final String LESSON = """
            {"format": "haxlab-scenario", "version": 1, "title": "mine", "note": "",
             "sequence": "A a 3 b 2 B b 4 a 1 | B a ? b ?",
             "models": [{"label": "fresh", "checkpoint": null, "config": {"backbone": "MAMBA2", "vocabSize": 100,
               "dModel": 16, "layers": 2, "expand": 2, "dState": 4, "dtRank": 1, "heads": 2, "convKernel": 4,
               "sparse": {"pattern": "SW", "budget": 4, "hashBits": 4, "lshRule": "SIGN_BITS", "maxLen": 32,
                 "variant": "CAUSAL", "path": "AUTO"}, "initSeed": 0}}],
             "view": {"tab": "selection", "layer": 0, "hoveredQuery": null, "pinnedQuery": null, "zoom": 1.0}}
            """;

    @Test
    void outNeverReplacesAFileThatIsNotAPng() throws Exception {
        // the scenario given as --out too, by mistake: before, the picture replaced the lesson
        Path scenario = Files.writeString(tmp.resolve("lesson.json"), LESSON);
        StringWriter err = new StringWriter();
        int code = run(err, "snapshot", "--scenario", scenario.toString(), "--out", scenario.toString());
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("--out " + scenario + ": the file exists and is not a PNG image"),
                err.toString());
        assertEquals(LESSON, Files.readString(scenario));
    }
}
