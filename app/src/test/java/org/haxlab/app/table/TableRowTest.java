package org.haxlab.app.table;

import org.haxlab.model.trace.Backbone;
import org.haxlab.model.train.EvalResult;
import org.haxlab.model.train.TaskSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Aggregation over seeds and the CSV / markdown text, on hand-made results. */
class TableRowTest {

    @TempDir
    Path tmp;

    private static RunResult result(TableEntry e, long seed, double acc, String state, double seconds) {
        return new RunResult(e, seed, state, 100, acc, 90, acc, 1.5, e == TableEntry.BASE2X ? 5000 : 2000, seconds,
                List.of(new EvalResult.Cell(2, 2, 10, acc)));
    }

    static TableScale scale() {
        return new TableScale(Backbone.MAMBA2, new TaskSpec(2, 4, 2, 4), 32, 8, 8, 148, 4, 600, 16, 2e-3, 60, 60,
                128, 512, 7);
    }

    @Test
    void meanSampleStdMinMaxPerRowInTheGivenOrder() {
        List<RunResult> rs = List.of(
                result(TableEntry.HAX, 0, 0.30, "finished", 10),
                result(TableEntry.SSM, 0, 0.10, "finished", 4),
                result(TableEntry.HAX, 1, 0.50, "finished", 20),
                result(TableEntry.HAX, 2, 0.40, "diverged", 30));
        List<TableRow> rows = TableRow.aggregate(rs, List.of(TableEntry.SSM, TableEntry.SW, TableEntry.HAX));
        assertEquals(2, rows.size(), "SW has no result and no row");
        TableRow ssm = rows.get(0);
        assertEquals(TableEntry.SSM, ssm.entry());
        assertEquals(0.10, ssm.mean(), 1e-12);
        assertEquals(0.0, ssm.std(), 1e-12, "one seed: std 0");
        TableRow hax = rows.get(1);
        assertEquals(3, hax.seeds());
        assertEquals(0.40, hax.mean(), 1e-12);
        assertEquals(0.10, hax.std(), 1e-12, "sample std of 0.3, 0.5, 0.4");
        assertEquals(0.30, hax.min(), 1e-12);
        assertEquals(0.50, hax.max(), 1e-12);
        assertEquals(20.0, hax.trainSeconds(), 1e-12);
        assertEquals(1, hax.notFinished());
    }

    @Test
    void aRunWithoutATestAccuracyIsCountedButNotAveraged() {
        List<TableRow> rows = TableRow.aggregate(List.of(result(TableEntry.KS, 0, Double.NaN, "failed", 1),
                result(TableEntry.KS, 1, 0.2, "finished", 1)), TableEntry.ALL);
        assertEquals(2, rows.get(0).seeds());
        assertEquals(0.2, rows.get(0).mean(), 1e-12);
        assertEquals(1, rows.get(0).notFinished());
    }

    @Test
    void csvHasTheHeaderAndOneLinePerRow() {
        List<TableRow> rows = TableRow.aggregate(List.of(result(TableEntry.BASE2X, 0, 0.25, "finished", 12.34),
                result(TableEntry.BASE2X, 1, 0.35, "finished", 10)), TableEntry.ALL);
        String[] lines = TableWriter.csv(rows).split("\n");
        assertEquals(TableWriter.HEADER, lines[0]);
        assertEquals("base2x,\"Base (2x dim)\",2,0.300000,0.070711,0.250000,0.350000,5000,11.2", lines[1]);
        assertEquals(2, lines.length);
    }

    @Test
    void markdownShowsPercentThePaperColumnTheScaleAndTheCommand() throws Exception {
        List<TableRow> rows = TableRow.aggregate(List.of(result(TableEntry.SSM, 0, 0.125, "finished", 5),
                result(TableEntry.HAX, 0, 0.5, "finished", 9)), List.of(TableEntry.SSM, TableEntry.HAX));
        String md = TableWriter.markdown(rows, scale(), "haxlab table --out x", 4, 2);
        assertTrue(md.contains("**Partial: 2 of 4 runs finished.**"), md);
        assertTrue(md.contains("| Base (d 32) | 12.5 ± 0.0 | 12.5..12.5 | 1 | 2000 | 5 | 36.6 |"), md);
        assertTrue(md.contains("| +HAX | 50.0 ± 0.0 | 50.0..50.0 | 1 | 2000 | 9 | 74.3 |"), md);
        assertTrue(md.contains("    haxlab table --out x"), md);
        assertTrue(md.contains("d_model 32, N 8; n_c 2..4, n_k 2..4 (length 22..74); k 8, maxLen 148"), md);
        assertTrue(md.contains("only orderings can be compared"), md);

        TableWriter.write(tmp, rows, scale(), "haxlab table --out x", 2, 2);
        String written = Files.readString(tmp.resolve(TableWriter.MARKDOWN));
        assertFalse(written.contains("Partial"), written);
        assertEquals(TableWriter.csv(rows), Files.readString(tmp.resolve(TableWriter.CSV)));
    }

    @Test
    void resultRoundTripsThroughItsFileNaNIncluded() throws Exception {
        RunResult r = new RunResult(TableEntry.SWD, 3, "diverged", 7, Double.NaN, 0, Double.NaN, Double.NaN, 123, 1.5,
                List.of());
        r.save(tmp);
        assertEquals(r.toString(), RunResult.load(tmp).toString());
        RunResult s = result(TableEntry.LSH, 1, 0.375, "finished", 2);
        s.save(tmp);
        assertEquals(s, RunResult.load(tmp));
        assertEquals("lsh-s1", RunResult.dirName(TableEntry.LSH, 1));
    }

    @Test
    void paperNumbersAndParsing() {
        assertEquals(74.3, TableEntry.HAX.paperAccuracy(Backbone.MAMBA2), 1e-12);
        assertEquals(7.8, TableEntry.D.paperAccuracy(Backbone.MAMBA1), 1e-12);
        assertEquals(List.of(TableEntry.SSM, TableEntry.BASE2X), TableEntry.parseList("ssm, base2x"));
        IllegalArgumentException bad = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TableEntry.parseList("ssm,full"));
        assertTrue(bad.getMessage().contains("unknown table row 'full'"), bad.getMessage());
        IllegalArgumentException twice = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TableEntry.parseList("hax,sw,hax"));
        assertTrue(twice.getMessage().contains("listed twice"), twice.getMessage());
    }
}
