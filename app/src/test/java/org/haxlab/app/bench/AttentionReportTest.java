package org.haxlab.app.bench;

import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig.AttentionPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Row formats and the derived speed-ups and target checks. */
class AttentionReportTest {

    private static AttentionRow row(String pattern, int length, String path, String pass, double ms, double peak) {
        return new AttentionRow(pattern, length, path, pass, new Stats(ms, ms * 0.9, ms * 1.2, 3), peak, 10, "");
    }

    @Test
    void csvHasTheIssueColumns() {
        AttentionRow r = row("hax", 4096, "sparse", "fwd", 12.345, 300);
        assertEquals("pattern,length,path,pass,ms_median,ms_min,ms_max,peak_mb", AttentionRow.CSV_HEADER);
        assertEquals("hax,4096,sparse,fwd,12.35,11.11,14.81,300.0", r.csv());
        AttentionRow s = AttentionRow.skipped(new AttentionCase(Pattern.SW, 65536, AttentionPath.DENSE), "fwd+bwd",
                "skipped (would need ~360.0 GB, budget 8.0 GB)");
        assertEquals("sw,65536,dense,fwd+bwd,,,,\"skipped (would need ~360.0 GB, budget 8.0 GB)\"", s.csv());
    }

    @Test
    void childLinesRoundTrip() {
        AttentionRow r = row("ks", 1024, "dense", "fwd+bwd", 7.5, 512.25);
        AttentionRow back = AttentionRow.parseChild(r.childLine());
        assertEquals(r.csv(), back.csv());
        assertEquals(r.heapMb(), back.heapMb());
        AttentionRow s = AttentionRow.skipped(new AttentionCase(Pattern.D, 64, AttentionPath.SPARSE), "fwd", "failed (x)");
        assertEquals(s.csv(), AttentionRow.parseChild(s.childLine()).csv());
        assertThrows(IllegalArgumentException.class, () -> AttentionRow.parseChild("hax\t1"));
    }

    @Test
    void speedupsAndTargets() {
        AttentionReport rep = new AttentionReport(List.of(
                row("hax", 16384, "dense", "fwd", 3000, 9000),
                row("hax", 16384, "sparse", "fwd", 100, 600),
                row("hax", 65536, "sparse", "fwd", 400, 1500),
                row("hax", 65536, "sparse", "fwd+bwd", 900, 2500)));
        assertEquals(30.0, rep.speedup("hax", 16384, "fwd").orElseThrow(), 1e-9);
        assertTrue(rep.speedup("hax", 16384, "fwd+bwd").isEmpty());
        List<String> s = rep.summary();
        assertTrue(s.contains("target hax L=16384 fwd sparse >= 20x dense: 30.0x MET"), s.toString());
        assertTrue(s.stream().anyMatch(l -> l.startsWith("target hax L=16384 fwd+bwd speed-up: not measured")), s.toString());
        assertTrue(s.contains("target hax L=65536 fwd under 2048 MB: 1500 MB MET"), s.toString());
        assertTrue(s.contains("target hax L=65536 fwd+bwd under 2048 MB: 2500 MB NOT MET"), s.toString());
        assertTrue(rep.markdown().contains("| hax | 16384 | dense | fwd | 3000.0 |"), rep.markdown());
    }
}
