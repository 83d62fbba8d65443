package org.haxlab.app.cli;

import org.haxlab.model.task.Layout;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.task.SequenceText;
import org.haxlab.model.task.TaskConfig;
import org.haxlab.model.task.TaskSampler;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerateCommandTest {

    @Test
    void printsTheSamplerOutputInTextForm() {
        CliTestSupport.Result r = CliTestSupport.run("generate", "--contexts", "2", "--keys", "3", "--seed", "5", "--count", "3");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\\R");
        assertEquals(3, lines.length);
        TaskSampler sampler = new TaskSampler(TaskConfig.mqjr(2, 3, 5));
        for (String line : lines) {
            RecallSequence expected = sampler.next();
            assertEquals(SequenceText.print(expected), line);
            assertEquals(expected, SequenceText.parse(line).sequence());
        }
    }

    @Test
    void idsArePaddedOnRequest() {
        CliTestSupport.Result r = CliTestSupport.run("generate", "-c", "2", "-k", "2", "--format", "ids", "--pad", "--length", "30");
        assertEquals(0, r.code(), r.err());
        String[] ids = r.out().strip().split(" ");
        assertEquals(30, ids.length);
        assertEquals("1", ids[0]);
        assertEquals("4", ids[11]);
        assertEquals("3", ids[29]);
        assertEquals(Layout.length(2, 2), SequenceText.parseIds(r.out(), 30).sequence().length());
    }

    @Test
    void seedsAndRangesChangeTheOutput() {
        String a = CliTestSupport.run("generate", "-c", "1..4", "-k", "1..4", "-n", "5", "-s", "1").out();
        assertEquals(a, CliTestSupport.run("generate", "-c", "1..4", "-k", "1..4", "-n", "5", "-s", "1").out());
        assertNotEquals(a, CliTestSupport.run("generate", "-c", "1..4", "-k", "1..4", "-n", "5", "-s", "2").out());
    }

    @Test
    void everyVariantGeneratesParsableSequences() {
        String[][] runs = {
            {"generate", "--variant", "single", "-c", "3", "-k", "3"},
            {"generate", "--variant", "multilevel", "--levels", "3", "-c", "2", "-k", "2"},
            {"generate", "--variant", "multilevel", "--levels", "1", "-k", "5"},
            {"generate", "--variant", "mqar", "-k", "4", "--length", "40", "--values", "8"}};
        for (String[] args : runs) {
            CliTestSupport.Result r = CliTestSupport.run(args);
            assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(SequenceText.parse(r.out()).sequence().queries() > 0);
        }
        assertTrue(CliTestSupport.run("generate", "--variant", "mqar", "-k", "4", "--length", "40").out().contains("."));
    }

    @Test
    void badOptionsGiveClearUsageErrors() {
        CliTestSupport.Result r = CliTestSupport.run("generate", "--contexts", "17");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("16 contexts slots"), r.err());
        r = CliTestSupport.run("generate", "--variant", "foo");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown variant 'foo'"), r.err());
        r = CliTestSupport.run("generate", "--keys", "5..3");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("runs backwards"), r.err());
        r = CliTestSupport.run("generate", "--format", "xml");
        assertTrue(r.err().contains("expected text or ids"), r.err());
        r = CliTestSupport.run("generate", "--levels", "3");
        assertTrue(r.err().contains("--variant multilevel"), r.err());
    }

    @Test
    void helpListsEveryKnob() {
        CliTestSupport.Result r = CliTestSupport.run("generate", "--help");
        assertEquals(0, r.code());
        for (String option : new String[] {"--contexts", "--keys", "--values", "--seed", "--format", "--count", "--variant",
            "--levels", "--length", "--pad"}) {
            assertTrue(r.out().contains(option), option);
        }
        CliTestSupport.Result root = CliTestSupport.run("--help");
        assertTrue(root.out().contains("generate") && root.out().contains("check"), root.out());
    }
}
