package org.haxlab.app.cli;

import org.haxlab.app.cli.HardenedCli.Result;
import org.haxlab.app.table.RunResult;
import org.haxlab.app.table.SlurmScript;
import org.haxlab.app.table.TableEntry;
import org.haxlab.app.table.TableLocalRun;
import org.haxlab.app.table.TablePlan;
import org.haxlab.app.table.TableScale;
import org.haxlab.app.table.TableWriter;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.train.CheckpointStore;
import org.haxlab.model.train.TaskSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table's device options, its folder lock, and the Slurm steps ({@code --emit slurm}, {@code --task},
 * {@code --aggregate}) on the fixture model (runs in this JVM through the same scheduler and train arguments).
 */
class TableClusterCommandTest {

    @TempDir
    Path tmp;

    private static final String[] TINY = {"--backbone", "mamba2", "--seeds", "1", "--steps", "3", "--batch", "4",
            "--lr", "3e-3", "--contexts", "1..2", "--keys", "2", "--d-model", "16", "--d-state", "4", "--k", "4",
            "--max-len", "32", "--val-every", "2", "--val-samples", "6", "--test-samples", "8", "--threads", "1"};

    private Result tiny(Path out, String... more) {
        List<String> args = new ArrayList<>(Arrays.asList(TINY));
        args.add("--out");
        args.add(out.toString());
        args.addAll(Arrays.asList(more));
        return HardenedCli.runAlone(new TableCommand(HardenedCli.FIXTURE_MODELS, HardenedCli.FIXTURE_TASKS),
                args.toArray(String[]::new));
    }

    private static TableScale tinyScale() {
        return new TableScale(Backbone.MAMBA2, TaskSpec.of("1..2", "2"), 16, 4, 4, 32, 4, 3, 4, 3e-3, 0, 2, 6, 8,
                20250700L);
    }

    @Test
    void eachChildTrainsExactlyTheTablesModel() throws Exception {
        Path out = tmp.resolve("t");
        Result r = tiny(out, "--patterns", "ssm,hax,base2x", "--devices", "cpu:0,cpu:1", "--jobs-per-device", "2");
        assertEquals(0, r.code(), r.err());
        for (TableEntry e : List.of(TableEntry.SSM, TableEntry.HAX, TableEntry.BASE2X)) {
            Path best = out.resolve("runs").resolve(RunResult.dirName(e, 0)).resolve(CheckpointStore.BEST);
            assertEquals(tinyScale().modelConfig(e, 0), new CheckpointStore().read(best).record().model(), e.id());
        }
    }

    @Test
    void anInterruptedRunContinuesFromItsCheckpointAndAnUntestedOneIsTested() throws Exception {
        Path out = tmp.resolve("resume");
        assertEquals(0, tiny(out, "--patterns", "ssm,sw").code());
        // sw-s0 as a kill would leave it: a run folder at step 2 of 3 with its last/ checkpoint, no result
        Path sw = out.resolve("runs/sw-s0");
        CheckpointStore.deleteTree(sw);
        TablePlan plan = new TablePlan(tinyScale(), List.of(TableEntry.SSM, TableEntry.SW), List.of(0L), "1..2", "2", out);
        List<String> args = new ArrayList<>(plan.trainArgs(plan.runs().get(1), false));
        args.set(args.indexOf("--steps") + 1, "2");
        args.addAll(List.of("--device", "cpu", "--threads", "1"));
        Result train = HardenedCli.runAlone(new TrainCommand(HardenedCli.FIXTURE_MODELS, HardenedCli.FIXTURE_TASKS),
                args.toArray(String[]::new));
        assertEquals(0, train.code(), train.err());
        assertTrue(Files.isDirectory(sw.resolve(CheckpointStore.LAST)));
        Files.delete(sw.resolve(RunResult.FILE));   // killed between its checkpoint at step 2 and the end
        // ssm-s0 killed after its last checkpoint but before its test
        Files.delete(out.resolve("runs/ssm-s0/" + RunResult.FILE));

        Result r = tiny(out, "--patterns", "ssm,sw", "--resume");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("0 done, 2 to continue, 0 to start"), r.err());
        assertTrue(r.err().contains("[2/2 sw-s0] start on cpu:0, resuming from its last checkpoint"), r.err());
        String log = Files.readString(plan.log(plan.runs().get(1)));
        assertTrue(log.contains("resuming at step 2"), log);
        List<String> metrics = Files.readAllLines(sw.resolve("metrics.csv"));
        assertEquals(4, metrics.size(), "steps 1, 2 then 3 after the resume: " + metrics);
        assertEquals(3, RunResult.load(sw).steps());
        assertTrue(Files.isRegularFile(out.resolve("runs/ssm-s0/" + RunResult.FILE)), "the untested run was tested");
        assertEquals(3, Files.readAllLines(out.resolve(TableWriter.CSV)).size());
    }

    @Test
    void devicesAndJobsPerDeviceAreChecked() {
        Path out = tmp.resolve("bad");
        Result gpu = tiny(out, "--patterns", "ssm", "--devices", "gpu:0");
        assertEquals(2, gpu.code());
        assertTrue(gpu.err().contains("--devices 'gpu:0': gpu:0 is not visible, the engine sees 0 GPU(s)"), gpu.err());
        Result twice = tiny(out, "--patterns", "ssm", "--devices", "cpu:1,cpu:1");
        assertEquals(2, twice.code());
        assertTrue(twice.err().contains("cpu:1 is listed twice"), twice.err());
        Result zero = tiny(out, "--patterns", "ssm", "--jobs-per-device", "0");
        assertEquals(2, zero.code());
        assertTrue(zero.err().contains("--jobs-per-device 0 must be >= 1"), zero.err());
        Result both = tiny(out, "--patterns", "ssm", "--aggregate", "--task", "0");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("separate steps"), both.err());
        Result sched = tiny(out, "--patterns", "ssm", "--emit", "pbs", tmp.resolve("s").toString());
        assertEquals(2, sched.code());
        assertTrue(sched.err().contains("the only scheduler is slurm"), sched.err());
        assertFalse(Files.exists(out), "nothing written for bad options");
    }

    @Test
    void aSecondTableOnTheSameFolderIsRefused() throws Exception {
        Path out = tmp.resolve("locked");
        Files.createDirectories(out);
        try (FileChannel ch = FileChannel.open(out.resolve(TableLocalRun.LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock held = ch.lock()) {
            Result r = tiny(out, "--patterns", "ssm");
            assertEquals(1, r.code());
            assertTrue(r.err().contains("is in use by another table"), r.err());
            assertFalse(Files.exists(out.resolve("runs")), "nothing trained");
        }
    }

    @Test
    void emitIntoAFileIsAUsageErrorBeforeAnythingIsWritten() throws Exception {
        Path out = tmp.resolve("cluster");
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
        Result r = tiny(out, "--patterns", "ssm", "--emit", "slurm", file.toString(), "--devices", "cpu");
        assertEquals(2, r.code(), r.err());
        // before: "error: <the path>" and exit 1, after --out had been made and its table.json written
        assertTrue(r.err().contains("--emit slurm " + file + ": it is a file, not a directory"), r.err());
        assertFalse(Files.exists(out), "nothing written");
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void slurmScriptsTasksAndTheAggregation() throws Exception {
        Path out = tmp.resolve("cluster");
        Path scripts = tmp.resolve("slurm");
        Result emit = tiny(out, "--patterns", "ssm,sw", "--emit", "slurm", scripts.toString(), "--devices", "cpu");
        assertEquals(0, emit.code(), emit.err());
        assertTrue(emit.out().contains("2 tasks"), emit.out());
        String array = Files.readString(scripts.resolve(SlurmScript.ARRAY));
        assertTrue(array.startsWith("#!/bin/bash\n"), array);
        assertTrue(array.contains("#SBATCH --array=0-1\n") && array.contains("#SBATCH --requeue\n"), array);
        assertFalse(array.contains("--gres=gpu"), "a CPU table asks for no GPU:\n" + array);
        assertTrue(array.contains("--task \"$SLURM_ARRAY_TASK_ID\" --devices cpu"), array);
        assertTrue(array.contains("--out " + out.toAbsolutePath()), array);
        assertTrue(array.contains("0=ssm-s0 1=sw-s0"), array);
        assertTrue(Files.readString(scripts.resolve(SlurmScript.AGGREGATE)).contains(" --aggregate"));
        assertTrue(Files.readString(scripts.resolve(SlurmScript.SUBMIT)).contains("--dependency=afterany:"));
        assertTrue(Files.isExecutable(scripts.resolve(SlurmScript.SUBMIT)));

        Result early = tiny(out, "--patterns", "ssm,sw", "--aggregate");
        assertEquals(1, early.code(), "no run has a result yet");
        assertTrue(early.err().contains("2 run(s) have no result yet: ssm-s0, sw-s0"), early.err());
        assertTrue(Files.readString(out.resolve(TableWriter.MARKDOWN)).contains("**Partial: 0 of 2 runs finished.**"));

        Result task1 = tiny(out, "--patterns", "ssm,sw", "--task", "1", "--devices", "cpu");
        assertEquals(0, task1.code(), task1.err());
        assertTrue(task1.err().contains("[sw-s0] starting on cpu:0") && task1.err().contains("[sw-s0] done: test accuracy"),
                task1.err());
        assertTrue(Files.isRegularFile(out.resolve("runs/sw-s0/" + RunResult.FILE)));
        assertFalse(Files.exists(out.resolve("runs/ssm-s0")), "a task trains its own run only");
        Result again = tiny(out, "--patterns", "ssm,sw", "--task", "1");
        assertEquals(0, again.code());
        assertTrue(again.err().contains("[sw-s0] done earlier"), "a requeued finished task exits at once: " + again.err());

        assertEquals(0, tiny(out, "--patterns", "ssm,sw", "--task", "0").code());
        Result agg = tiny(out, "--patterns", "ssm,sw", "--aggregate");
        assertEquals(0, agg.code(), agg.err());
        List<String> csv = Files.readAllLines(out.resolve(TableWriter.CSV));
        assertEquals(3, csv.size(), csv.toString());
        assertTrue(agg.out().contains("| +SW |") && !agg.out().contains("Partial"), agg.out());
        assertTrue(agg.out().contains("--emit slurm"), "table.md shows the command that created the table:\n" + agg.out());

        Result outside = tiny(out, "--patterns", "ssm,sw", "--task", "2");
        assertEquals(2, outside.code());
        assertTrue(outside.err().contains("--task 2 is not a run of this table (0..1)"), outside.err());
        Result otherScale = tiny(out, "--patterns", "ssm,sw", "--task", "0", "--hash-bits", "2");
        assertEquals(2, otherScale.code());
        assertTrue(otherScale.err().contains("the scale differs"), otherScale.err());
        Result otherAggregate = tiny(out, "--patterns", "ssm,sw", "--aggregate", "--hash-bits", "2");
        assertEquals(2, otherAggregate.code());
        assertTrue(otherAggregate.err().contains("--aggregate: the scale differs"), otherAggregate.err());

        Path nowhere = tmp.resolve("no-table");
        Result none = tiny(nowhere, "--patterns", "ssm,sw", "--aggregate");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("holds no table"), none.err());
        assertFalse(Files.exists(nowhere), "an aggregation creates no table");
    }
}
