package org.haxlab.app.cli;

import org.haxlab.app.cli.HardenedCli.Result;
import org.haxlab.app.table.RunResult;
import org.haxlab.app.table.TableFiles;
import org.haxlab.app.table.TableWriter;
import org.haxlab.model.train.MetricsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table command end to end on the fixture model and task: files, resume, option checks. */
class TableCommandTest {

    @TempDir
    Path tmp;

    private static Result run(String... args) {
        return run(new TableCommand(HardenedCli.FIXTURE_MODELS, HardenedCli.FIXTURE_TASKS), args);
    }

    private static Result run(TableCommand command, String... args) {
        // the command alone (not under HaxLabCli), so this test does not depend on where it is registered
        return HardenedCli.runAlone(command, args);
    }

    /** A tiny table: grid n_c 1..2, n_k 2 (lengths 12..22), k 4, 3 steps, 1 thread. */
    private Result tiny(Path out, String... overrides) {
        Map<String, String> opts = new LinkedHashMap<>();
        String[] base = {"--backbone", "mamba2", "--seeds", "1", "--steps", "3", "--batch", "4", "--lr", "3e-3",
                "--contexts", "1..2", "--keys", "2", "--d-model", "16", "--d-state", "4", "--k", "4", "--max-len", "32",
                "--val-every", "2", "--val-samples", "6", "--test-samples", "8", "--threads", "1", "--out", out.toString()};
        for (int i = 0; i < base.length; i += 2) {
            opts.put(base[i], base[i + 1]);
        }
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < overrides.length; i++) {
            if (overrides[i].equals("--resume")) {
                flags.add(overrides[i]);
            } else {
                opts.put(overrides[i], overrides[++i]);
            }
        }
        List<String> args = new ArrayList<>();
        opts.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        args.addAll(flags);
        return run(args.toArray(String[]::new));
    }

    @Test
    void twoPatternsOneSeedWriteRunsAndTheTable() throws Exception {
        Path out = tmp.resolve("t");
        Result r = tiny(out, "--patterns", "ssm,base2x");
        assertEquals(0, r.code(), r.err());
        for (String run : List.of("ssm-s0", "base2x-s0")) {
            Path dir = out.resolve("runs").resolve(run);
            assertTrue(Files.isRegularFile(dir.resolve(RunResult.FILE)), run);
            assertTrue(Files.isRegularFile(dir.resolve("best/run.json")), run);
            List<String> metrics = Files.readAllLines(dir.resolve("metrics.csv"));
            assertEquals(MetricsCsv.HEADER, metrics.get(0));
            assertEquals(4, metrics.size(), "3 steps");
            RunResult res = RunResult.load(dir);
            assertEquals("finished", res.state());
            assertTrue(res.testAccuracy() >= 0 && res.testAccuracy() <= 1, res.toString());
            assertTrue(res.bestStep() == 2 || res.bestStep() == 3, res.toString());
        }
        List<String> csv = Files.readAllLines(out.resolve(TableWriter.CSV));
        assertEquals(TableWriter.HEADER, csv.get(0));
        assertEquals(3, csv.size());
        assertTrue(csv.get(1).startsWith("ssm,Base,1,") && csv.get(2).startsWith("base2x,\"Base (2x dim)\",1,"), csv.toString());
        long small = Long.parseLong(csv.get(1).split(",")[7]);
        long wide = Long.parseLong(csv.get(2).split(",")[7]);
        assertTrue(wide > small, "base2x has more weights: " + csv);
        String md = Files.readString(out.resolve(TableWriter.MARKDOWN));
        assertTrue(md.contains("haxlab table --backbone mamba2 --seeds 1 --steps 3"), md);
        assertFalse(r.out().contains("| +HAX"), r.out());
        assertTrue(r.out().contains("| Base (2x dim) |"), r.out());
        assertTrue(r.err().contains("[1/2 ssm-s0]") && r.err().contains("[2/2 base2x-s0] done in"), r.err());
        assertTrue(Files.isRegularFile(out.resolve(TableFiles.SCALE_FILE)));
    }

    @Test
    void theRealModelAndTaskRunATinyTableAsChildProcessesOnTwoDeviceSlots() throws Exception {
        // HaxModel and the joint-recall generator (Wiring), each run a `haxlab train` child process, one per CPU slot:
        // Base and +HAX, whose LSH and KS branch must run
        Path out = tmp.resolve("real");
        Result r = run(new TableCommand(), "--devices", "cpu:0,cpu:1", "--jobs-per-device", "1",
                "--backbone", "mamba1", "--patterns", "ssm,hax", "--seeds", "1",
                "--steps", "3", "--batch", "4", "--contexts", "1..2", "--keys", "2", "--d-model", "16",
                "--d-state", "4", "--k", "4", "--max-len", "32", "--hash-bits", "2", "--val-every", "3",
                "--val-samples", "4", "--test-samples", "6", "--threads", "1", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        RunResult hax = RunResult.load(out.resolve("runs/hax-s0"));
        RunResult ssm = RunResult.load(out.resolve("runs/ssm-s0"));
        assertEquals("finished", hax.state(), r.err());
        assertEquals(3, hax.bestStep());
        assertTrue(hax.params() > ssm.params(), "the branch adds weights: " + hax.params() + " vs " + ssm.params());
        assertTrue(hax.testAccuracy() >= 0 && hax.testAccuracy() <= 1, hax.toString());
        assertEquals(3, Files.readAllLines(out.resolve(TableWriter.CSV)).size());
        assertTrue(r.err().contains("start on cpu:0") && r.err().contains("start on cpu:1"), "both slots used:\n" + r.err());
        assertTrue(r.err().contains("[2/2 hax-s0] done in") && r.err().contains(": test accuracy"), r.err());
        String log = Files.readString(out.resolve("logs/hax-s0.log"));
        assertTrue(log.contains("training") && log.contains("test accuracy"), "the child's output is in its log:\n" + log);
        assertFalse(Files.exists(out.resolve("runs/hax-s0/hax-s0.log")), "the log stays outside the run folder");
    }

    @Test
    void resumeSkipsFinishedRunsAndRedoesAHalfWrittenOne() throws Exception {
        Path out = tmp.resolve("t");
        assertEquals(0, tiny(out, "--patterns", "ssm").code());
        Path ssm = out.resolve("runs/ssm-s0/" + RunResult.FILE);
        String before = Files.readString(ssm);
        // an interrupted run: its directory exists but has no result
        Files.createDirectories(out.resolve("runs/sw-s0"));
        Files.writeString(out.resolve("runs/sw-s0/metrics.csv"), "half");

        Result again = tiny(out, "--patterns", "ssm");
        assertEquals(2, again.code());
        assertTrue(again.err().contains("already holds a table") && again.err().contains("--resume"), again.err());

        Result resumed = tiny(out, "--patterns", "ssm,sw", "--resume");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("[1/2 ssm-s0] done earlier"), resumed.err());
        assertFalse(resumed.err().contains("[1/2 ssm-s0] step"), "ssm was not retrained: " + resumed.err());
        assertEquals(before, Files.readString(ssm));
        assertTrue(Files.isRegularFile(out.resolve("runs/sw-s0/" + RunResult.FILE)));
        assertEquals(4, Files.readAllLines(out.resolve("runs/sw-s0/metrics.csv")).size(), "sw redone from scratch");
        assertEquals(3, Files.readAllLines(out.resolve(TableWriter.CSV)).size());

        Result otherScale = tiny(out, "--patterns", "ssm", "--resume", "--lr", "1e-3");
        assertEquals(2, otherScale.code());
        assertTrue(otherScale.err().contains("the scale differs") && otherScale.err().contains("lr 0.003 -> 0.001"),
                otherScale.err());
    }

    @Test
    void aLargerStepsExtendsEveryRunAndKeepsItsEarlierResult() throws Exception {
        Path out = tmp.resolve("longer");
        assertEquals(0, tiny(out, "--patterns", "ssm").code());
        Path run = out.resolve("runs/ssm-s0");
        assertEquals(3, RunResult.load(run).steps());
        String first = Files.readString(run.resolve(RunResult.FILE));

        Result shorter = tiny(out, "--patterns", "ssm", "--resume", "--steps", "2");
        assertEquals(2, shorter.code());
        assertTrue(shorter.err().contains("can be extended (a larger --steps), not shortened to 2"), shorter.err());

        Result longer = tiny(out, "--patterns", "ssm", "--resume", "--steps", "5");
        assertEquals(0, longer.code(), longer.err());
        assertEquals(5, RunResult.load(run).steps(), "the run went on to the new total");
        assertEquals(first, Files.readString(run.resolve("result-3-steps.json")), "the shorter run's result is kept");
        List<String> metrics = Files.readAllLines(run.resolve("metrics.csv"));
        assertTrue(metrics.get(metrics.size() - 1).startsWith("5,"), metrics.toString());
        assertEquals(6, metrics.size(), "steps 1..5 once each: continued, not retrained");
        assertTrue(Files.readString(out.resolve(TableWriter.MARKDOWN)).contains("5 steps"));

        Result again = tiny(out, "--patterns", "ssm", "--resume", "--steps", "5");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("done earlier"), again.err());
    }

    @Test
    void badOptionsExitWithTwoAndSayWhat() {
        Path out = tmp.resolve("bad");
        assertTrue(expectTwo(tiny(out, "--seeds", "0")).contains("--seeds 0: need at least one seed"));
        assertTrue(expectTwo(tiny(out, "--seeds", "1,x")).contains("--seeds '1,x' is not a count N or a list"));
        assertTrue(expectTwo(tiny(out, "--seeds", "2,2")).contains("seed 2 is listed twice"));
        assertTrue(expectTwo(tiny(out, "--patterns", "ssm,full")).contains("unknown table row 'full'"));
        assertTrue(expectTwo(tiny(out, "--k", "24")).contains("--k 24 covers whole sequences (longest 22)"));
        assertTrue(expectTwo(tiny(out, "--max-len", "16")).contains("--max-len 16 is below the longest sequence"));
        assertTrue(expectTwo(tiny(out, "--contexts", "3..1")).contains("contexts (3..1)"));
        assertTrue(expectTwo(tiny(out, "--backbone", "rnn")).contains("unknown backbone 'rnn'"));
        assertTrue(expectTwo(tiny(out, "--val-every", "9")).contains("--val-every 9 must be in 1..3"));
        assertTrue(expectTwo(tiny(out, "--threads", "-1")).contains("--threads -1 must be >= 0"));
        assertFalse(Files.exists(out), "nothing is written for bad options");
        assertEquals(2, run("--steps", "3").code(), "missing --out");
        Result help = run("--help");
        assertEquals(0, help.code());
        for (String opt : List.of("--backbone", "--patterns", "--seeds", "--steps", "--batch", "--lr", "--contexts",
                "--keys", "--d-model", "--d-state", "--k", "--max-len", "--val-samples", "--test-samples", "--out",
                "--threads", "--resume")) {
            assertTrue(help.out().contains(opt), opt);
        }
    }

    private static String expectTwo(Result r) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        return r.err();
    }
}
