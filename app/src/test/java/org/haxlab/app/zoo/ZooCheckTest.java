package org.haxlab.app.zoo;

import org.haxlab.app.cli.HaxLabCli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped model zoo ({@code samples/zoo.json}) keeps its word: every entry loads, and {@code haxlab eval} of
 * each on a held-out draw it was not measured on lands within 5 points of the accuracy the zoo records.
 */
class ZooCheckTest {

    /** A seed other than the one {@code docs/zoo/add-to-zoo.sh} measured with (7): a fresh draw. */
    private static final String FRESH_SEED = "20261207";
    private static final Pattern ACCURACY = Pattern.compile("(?m)^accuracy=([0-9.]+)");

    @Test
    void everyZooModelLoadsAndEvaluatesAsRecorded() throws Exception {
        Path file = Path.of("..").resolve(Zoo.DEFAULT_FILE).normalize();
        assertTrue(Files.isRegularFile(file), "the zoo ships at " + file.toAbsolutePath());
        Zoo zoo = ZooFiles.load(file);
        assertFalse(zoo.models().isEmpty(), "the zoo has models");
        for (ZooModel m : zoo.models()) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = HaxLabCli.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute("eval", "--checkpoint", m.checkpoint().toString(), "--samples",
                    Integer.toString(Math.max(256, m.evalSamples())), "--seed", FRESH_SEED, "--device", "cpu");
            assertEquals(0, code, m.id() + ": " + err);
            Matcher a = ACCURACY.matcher(out.toString());
            assertTrue(a.find(), m.id() + " printed no accuracy: " + out);
            double measured = Double.parseDouble(a.group(1));
            assertTrue(Math.abs(measured - m.accuracy()) <= 0.05, m.id() + ": held-out accuracy " + measured
                    + " is more than 5 points from the recorded " + m.accuracy());
        }
    }

    @Test
    void aFirstStartOpensOnAPlusHaxModelThatRecalls() throws Exception {
        Zoo zoo = ZooFiles.load(Path.of("..").resolve(Zoo.DEFAULT_FILE).normalize());
        for (org.haxlab.model.trace.Backbone b : org.haxlab.model.trace.Backbone.values()) {
            ZooModel s = zoo.showcase(b);
            assertEquals(org.haxlab.model.sparse.Pattern.HAX, s.pattern(), "showcase for " + b + ": " + s.id());
            assertTrue(s.accuracy() >= 0.9, "the showcase " + s.id() + " recalls " + s.accuracy() + " of its queries");
        }
    }
}
