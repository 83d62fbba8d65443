package org.haxlab.app.bench;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code haxlab bench attention} end to end on tiny cases. */
class AttentionCommandTest {

    private static List<String> rows(String csv) {
        return Arrays.stream(csv.strip().split("\\R")).toList();
    }

    @Test
    void csvHasAHeaderAndOneRowPerCaseAndPass() {
        BenchCli.Result r = BenchCli.run("bench", "attention", "--lengths", "48", "--patterns", "sw,hax",
                "--in-process", "--warmup", "0", "-r", "1", "--threads", "1", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        List<String> lines = rows(r.out());
        assertEquals(AttentionRow.CSV_HEADER, lines.get(0));
        assertEquals(1 + 2 * 2 * 2, lines.size(), r.out());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertEquals(8, f.length, line);
            assertTrue(f[0].equals("sw") || f[0].equals("hax"), line);
            assertEquals("48", f[1]);
            assertTrue(f[2].equals("dense") || f[2].equals("sparse"), line);
            assertTrue(f[3].equals("fwd") || f[3].equals("fwd+bwd"), line);
            assertTrue(Double.parseDouble(f[4]) > 0 && Double.parseDouble(f[7]) > 0, line);
        }
        assertTrue(r.err().contains("# cpu: "), r.err());
    }

    @Test
    void denseCasesOverTheBudgetAreSkippedNotRun() {
        BenchCli.Result r = BenchCli.run("bench", "attention", "--lengths", "4096", "--patterns", "d", "--paths", "dense",
                "--in-process", "--budget-mb", "100", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        List<String> lines = rows(r.out());
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(1).startsWith("d,4096,dense,fwd,,,,\"skipped (would need ~"), lines.get(1));
    }

    @Test
    void denseCasesAboveTheDenseMaxLengthAreListedAsSkipped() {
        BenchCli.Result r = BenchCli.run("bench", "attention", "--lengths", "48", "--patterns", "sw", "--paths", "dense",
                "--in-process", "--dense-max-length", "32", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of(AttentionRow.CSV_HEADER, "sw,48,dense,fwd,,,,skipped (--dense-max-length 32)",
                "sw,48,dense,fwd+bwd,,,,skipped (--dense-max-length 32)"), rows(r.out()));
        BenchCli.Result one = BenchCli.run("bench", "attention", "--lengths", "48", "--patterns", "sw", "--paths", "dense",
                "--in-process", "--dense-max-length", "32", "--passes", "fwd+bwd", "--format", "csv");
        assertEquals(List.of(AttentionRow.CSV_HEADER, "sw,48,dense,fwd+bwd,,,,skipped (--dense-max-length 32)"),
                rows(one.out()));
        assertEquals(2, BenchCli.run("bench", "attention", "--passes", "bwd", "--in-process").code());
    }

    @Test
    void aChildJvmMeasuresACase() {
        BenchCli.Result r = BenchCli.run("bench", "attention", "--lengths", "40", "--patterns", "ks", "--paths", "sparse",
                "--warmup", "0", "-r", "1", "--threads", "1", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        List<String> lines = rows(r.out());
        assertEquals(3, lines.size(), r.out() + r.err());
        assertTrue(lines.get(1).startsWith("ks,40,sparse,fwd,"), lines.get(1));
        assertTrue(Double.parseDouble(lines.get(2).split(",")[7]) > 0, lines.get(2));
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        BenchCli.Result r = BenchCli.run("bench", "attention", "--patterns", "ssm", "--in-process");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("ssm has no attention branch"), r.err());
        BenchCli.Result p = BenchCli.run("bench", "attention", "--paths", "gpu", "--in-process");
        assertEquals(2, p.code());
        assertTrue(p.err().contains("unknown path 'gpu'"), p.err());
    }
}
