package org.haxlab.model.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsAndScheduleTest {

    @TempDir
    Path tmp;

    private static StepEvent event(int step, ValidationEvent v) {
        return new StepEvent(step, 2.5, 2.4, 1.0, 0.25, 1e-3, 0.7, 5000, 12, step * 0.5, v);
    }

    @Test
    void csvHasHeaderAndValidationColumnsOnlyAtValidationSteps() throws Exception {
        Path file = tmp.resolve("run/metrics.csv");
        try (MetricsCsv csv = new MetricsCsv(file)) {
            csv.onStep(event(1, null));
            csv.onStep(event(2, new ValidationEvent(2, 2.0, 0.5, true, 0.5, 2)));
            // flushed per line: readable before close
            List<String> lines = Files.readAllLines(file);
            assertEquals(MetricsCsv.HEADER, lines.get(0));
            assertEquals("step,loss,gate_loss,accuracy,val_loss,val_accuracy,lr,tokens_per_s,elapsed_s", lines.get(0));
            assertEquals(3, lines.size());
            String[] a = lines.get(1).split(",", -1);
            String[] b = lines.get(2).split(",", -1);
            assertEquals(9, a.length);
            assertEquals("", a[4]);
            assertEquals("", a[5]);
            assertEquals(0.5, Double.parseDouble(b[5]), 1e-9);
            assertEquals(2.5, Double.parseDouble(a[1]), 1e-9);
        }
    }

    @Test
    void warmupThenConstantOrCosine() {
        assertEquals(0.1, Schedule.CONSTANT.rate(1.0, 1, 10, 100), 1e-12);
        assertEquals(1.0, Schedule.CONSTANT.rate(1.0, 10, 10, 100), 1e-12);
        assertEquals(1.0, Schedule.CONSTANT.rate(1.0, 99, 10, 100), 1e-12);
        assertEquals(0.5, Schedule.COSINE.rate(1.0, 55, 10, 100), 1e-12);
        assertEquals(0.0, Schedule.COSINE.rate(1.0, 100, 10, 100), 1e-12);
        assertEquals(Schedule.COSINE, Schedule.parse("Cosine"));
        assertThrows(IllegalArgumentException.class, () -> Schedule.parse("linear"));
    }

    @Test
    void progressLinePrintsPlainLinesWithoutATerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine p = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), 40, false);
        for (int s = 1; s <= 40; s++) {
            p.onStep(event(s, null));
        }
        p.onFinished(new RunSummary(RunState.FINISHED, 40, 2.5, 0.25, Double.NaN, 0, 20, null));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(!text.contains("\r") && text.contains("step 20/40") && text.contains("ETA 0:10"), text);
        assertTrue(text.contains("finished after 40 steps"), text);
        assertEquals("1:01:01", ProgressLine.clock(3661));
    }

    @Test
    void taskSpecParsesRanges() {
        TaskSpec s = TaskSpec.of("2..4", "3");
        assertEquals(new TaskSpec(2, 4, 3, 3), s);
        assertEquals(2 + 2 * 4 * 7, s.maxLength());
        assertThrows(IllegalArgumentException.class, () -> TaskSpec.of("x", "3"));
        assertThrows(IllegalArgumentException.class, () -> TaskSpec.of("4..2", "3"));
    }
}
