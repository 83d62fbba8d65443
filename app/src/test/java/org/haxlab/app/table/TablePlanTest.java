package org.haxlab.app.table;

import org.haxlab.app.jobs.RunJob;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.train.TaskSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an interrupted table does with each run folder, and the train command of a run. */
class TablePlanTest {

    @TempDir
    Path tmp;

    private TablePlan plan() {
        TableScale scale = new TableScale(Backbone.MAMBA2, TaskSpec.of("2..4", "2..4"), 32, 8, 8, 148, 4, 3000, 16,
                3e-3, 300, 300, 128, 512, 20250700L);
        return new TablePlan(scale, List.of(TableEntry.SSM, TableEntry.HAX, TableEntry.BASE2X), List.of(0L, 1L), "2..4",
                "2..4", tmp.resolve("t"));
    }

    @Test
    void runsAreRowByRowWithTheirArrayIndex() {
        List<TablePlan.Run> runs = plan().runs();
        assertEquals(6, runs.size());
        assertEquals(List.of("ssm-s0", "ssm-s1", "hax-s0", "hax-s1", "base2x-s0", "base2x-s1"),
                runs.stream().map(TablePlan.Run::name).toList());
        for (int i = 0; i < runs.size(); i++) {
            assertEquals(i, runs.get(i).index());
        }
        assertEquals(tmp.resolve("t/runs/hax-s1"), runs.get(3).runDir());
        assertEquals(tmp.resolve("t/logs/hax-s1.log"), plan().log(runs.get(3)));
    }

    @Test
    void finishedRunsAreDoneCheckpointedOnesResumeLeftoversStartAgain() throws Exception {
        TablePlan plan = plan();
        List<TablePlan.Run> runs = plan.runs();
        TablePlan.Run done = runs.get(0);
        TablePlan.Run checkpointed = runs.get(1);
        TablePlan.Run leftover = runs.get(2);
        TablePlan.Run untouched = runs.get(3);
        Files.createDirectories(done.runDir());
        Files.writeString(done.runDir().resolve(RunResult.FILE), "{}");
        Files.createDirectories(checkpointed.runDir().resolve("last"));
        Files.writeString(checkpointed.runDir().resolve("metrics.csv"), "step,loss\n1,4.6\n");
        Files.createDirectories(leftover.runDir().resolve(".best.tmp-123"));
        Files.writeString(leftover.runDir().resolve("metrics.csv"), "half");

        assertEquals(TablePlan.Status.DONE, TablePlan.status(done));
        assertEquals(TablePlan.Status.RESUMABLE, TablePlan.status(checkpointed));
        assertEquals(TablePlan.Status.FRESH, TablePlan.status(leftover));
        assertEquals(TablePlan.Status.FRESH, TablePlan.status(untouched));

        assertThrows(IllegalStateException.class, () -> plan.prepare(done));
        RunJob resumed = plan.prepare(checkpointed);
        assertTrue(resumed.resumed());
        assertTrue(resumed.trainArgs().contains("--resume"), resumed.trainArgs().toString());
        assertTrue(Files.isRegularFile(checkpointed.runDir().resolve("metrics.csv")), "a resumable run is kept");

        RunJob fresh = plan.prepare(leftover);
        assertFalse(fresh.resumed());
        assertFalse(fresh.trainArgs().contains("--resume"));
        assertFalse(Files.exists(leftover.runDir()), "a leftover without a checkpoint is cleared: train wants it empty");
        assertFalse(plan.prepare(untouched).resumed());
    }

    @Test
    void theTrainCommandCarriesTheWholeScale() {
        TablePlan plan = plan();
        List<String> base2x = plan.trainArgs(plan.runs().get(5), false);
        assertEquals("ssm", value(base2x, "--pattern"));
        assertTrue(base2x.contains("--double-width"));
        assertEquals("1", value(base2x, "--seed"));
        assertEquals("32", value(base2x, "--d-model"), "the base width; --double-width doubles it");
        assertEquals("0.003", value(base2x, "--lr"));
        assertEquals("300", value(base2x, "--warmup"));
        assertEquals("512", value(base2x, "--test-samples"));
        assertEquals("20250700", value(base2x, "--data-seed"));
        assertEquals(tmp.resolve("t/runs/base2x-s1").toAbsolutePath().toString(), value(base2x, "--out"));
        List<String> hax = plan.trainArgs(plan.runs().get(2), true);
        assertEquals("hax", value(hax, "--pattern"));
        assertFalse(hax.contains("--double-width"));
        assertTrue(hax.contains("--resume"));
        for (String o : List.of("--backbone", "--d-state", "--k", "--max-len", "--hash-bits", "--steps", "--batch",
                "--val-every", "--val-samples", "--contexts", "--keys", "--schedule", "--clip", "--weight-decay")) {
            assertTrue(hax.contains(o), o);
        }
    }

    private static String value(List<String> args, String option) {
        int i = args.indexOf(option);
        assertTrue(i >= 0 && i + 1 < args.size(), option + " in " + args);
        return args.get(i + 1);
    }
}
