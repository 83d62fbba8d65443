package org.haxlab.app.cli;

import org.haxlab.app.cli.HardenedCli.Result;
import org.haxlab.app.table.RunResult;
import org.haxlab.app.table.TableEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train}'s table options: a tested run writes result.json; inconsistent options are refused by name. */
class TrainScaleOptionsTest {

    @TempDir
    Path tmp;

    private Result train(Path out, String... extra) {
        List<String> base = List.of("--backbone", "mamba2", "--steps", "4", "--batch", "4", "--lr", "3e-3",
                "--contexts", "1..2", "--keys", "2", "--d-model", "16", "--d-state", "4", "--k", "4", "--max-len", "32",
                "--val-every", "2", "--val-samples", "6", "--device", "cpu", "--threads", "1", "--out", out.toString());
        List<String> args = new ArrayList<>(List.of("train"));
        for (int i = 0; i < base.size(); i += 2) {
            if (!Arrays.asList(extra).contains(base.get(i))) {   // an extra option replaces the base one
                args.add(base.get(i));
                args.add(base.get(i + 1));
            }
        }
        args.addAll(Arrays.asList(extra));
        return HardenedCli.run(args.toArray(String[]::new));
    }

    @Test
    void aTestedRunWritesItsResultAtTheBestCheckpoint() throws Exception {
        Path out = tmp.resolve("wide");
        Result r = train(out, "--pattern", "ssm", "--double-width", "--test-samples", "8", "--seed", "3");
        assertEquals(0, r.code(), r.err());
        RunResult res = RunResult.load(out);
        assertEquals(TableEntry.BASE2X, res.entry());
        assertEquals(3, res.seed());
        assertEquals("finished", res.state());
        assertTrue(res.bestStep() == 2 || res.bestStep() == 4, res.toString());
        assertTrue(res.testAccuracy() >= 0 && res.testAccuracy() <= 1, res.toString());
        assertTrue(r.err().contains("at the best validation checkpoint (step " + res.bestStep() + ")"), r.err());
        Path plain = tmp.resolve("plain");
        assertEquals(0, train(plain, "--pattern", "ssm").code());
        assertFalse(Files.exists(plain.resolve(RunResult.FILE)), "no --test-samples, no result.json");
    }

    @Test
    void inconsistentOptionsAreRefusedByName() {
        assertTrue(refused("--pattern", "sw", "--double-width").contains("--double-width is the paper's Base (2x dim)"));
        assertTrue(refused("--pattern", "full", "--test-samples", "4").contains("pattern full is not a Table 1 row"));
        assertTrue(refused("--pattern", "ssm", "--test-samples", "4", "--val-every", "0").contains("--val-every must be >= 1"));
        assertTrue(refused("--pattern", "ssm", "--test-samples", "-1").contains("--test-samples -1 must be >= 0"));
        assertTrue(refused("--pattern", "ssm", "--d-model", "0").contains("--d-model 0 must be >= 1"));
        assertTrue(refused("--pattern", "ssm", "--threads", "-2").contains("--threads -2 must be >= 0"));
    }

    @Test
    void resumeComparesOnlyTheSizeOptionsGivenAndSaysWhatADamagedSplitRecordLacks() throws Exception {
        Path out = tmp.resolve("sized");
        Result first = train(out, "--pattern", "ssm", "--test-samples", "4");
        assertEquals(0, first.code(), first.err());
        // part of the run's own command line: --d-state left out is the run's 4, not the paper's 32
        Result same = resume(out, "--d-model", "16", "--steps", "6");
        assertEquals(0, same.code(), same.err());
        Result other = resume(out, "--d-model", "32", "--pattern", "hax", "--steps", "8");
        assertEquals(2, other.code(), other.err());
        assertTrue(other.err().contains("--d-model 32 (the run has d_model 16)"), other.err());
        assertTrue(other.err().contains("--pattern hax (the run has ssm)"), "the pattern as typed: " + other.err());
        assertFalse(other.err().contains("--d-state"), other.err());
        Files.writeString(out.resolve("splits.json"), "{\"testSamples\": 4}");
        Result damaged = resume(out, "--steps", "8");
        assertEquals(1, damaged.code(), damaged.err());
        assertTrue(damaged.err().contains("splits.json: is not a valid split record: dataSeed: is missing"),
                damaged.err());
        UsageErrorsTest.assertClean(damaged);
    }

    private static Result resume(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--resume", "--out", out.toString(), "--device", "cpu",
                "--threads", "1"));
        args.addAll(Arrays.asList(extra));
        return HardenedCli.run(args.toArray(String[]::new));
    }

    private String refused(String... extra) {
        Path out = tmp.resolve("refused");
        Result r = train(out, extra);
        assertEquals(2, r.code(), r.err());
        assertFalse(Files.exists(out), "nothing written");
        return r.err();
    }
}
