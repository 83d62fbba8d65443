package org.haxlab.app.bench;

import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig.AttentionPath;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The child JVM is stopped when it outgrows the memory budget; FULL's training pass is estimated too. */
class ChildJvmTest {

    @Test
    void aChildOverTheBudgetIsStoppedAndSaysSo() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs Linux /proc");
        AttentionCase c = new AttentionCase(Pattern.SW, 40, AttentionPath.SPARSE);
        List<AttentionRow> rows = new ChildJvm(256, 120, 40).run(c, AttentionSettings.synthetic(0, 1, 1, 10), true, true);
        assertEquals(2, rows.size());
        for (AttentionRow r : rows) {
            assertFalse(r.measured());
            assertTrue(r.note().startsWith("stopped (resident set passed the 0.0 GB budget)"), r.note());
        }
    }

    @Test
    void fullAttentionTrainingAtSixtyFourKIsSkipped() {
        assertNotNull(DenseEstimate.skipReasonFullBlocked(1, 65536, 16384));
        assertNull(DenseEstimate.skipReasonFullBlocked(1, 4096, 16384));
    }
}
