package org.haxlab.app.cli;

import org.haxlab.app.cli.HardenedCli.Result;
import org.haxlab.app.sweep.SweepReport;
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

/** The sweep end to end on the fixture model: folders, sweep.csv, skip on resume, and clear errors. */
class SweepCommandTest {

    @TempDir
    Path tmp;

    private static final List<String> SHARED = List.of("--", "--steps", "3", "--batch", "4", "--contexts", "1..2",
            "--keys", "2", "--d-model", "16", "--d-state", "4", "--k", "4", "--max-len", "32", "--val-every", "2",
            "--val-samples", "6", "--backbone", "mamba2");

    private Result sweep(Path out, String... opts) {
        List<String> args = new ArrayList<>(List.of("--out", out.toString(), "--threads", "1"));
        args.addAll(Arrays.asList(opts));
        if (!args.contains("--devices")) {
            args.addAll(List.of("--devices", "cpu:0,cpu:1"));
        }
        args.addAll(SHARED);
        return HardenedCli.runAlone(new SweepCommand(HardenedCli.FIXTURE_MODELS, HardenedCli.FIXTURE_TASKS),
                args.toArray(String[]::new));
    }

    @Test
    void aGridRunsEveryCombinationAndResumeSkipsWhatIsDone() throws Exception {
        Path out = tmp.resolve("zoo");
        Result r = sweep(out, "--grid", "pattern=ssm,sw", "--grid", "lr=1e-3,3e-3", "--jobs-per-device", "2");
        assertEquals(0, r.code(), r.err());
        List<String> csv = Files.readAllLines(out.resolve(SweepReport.CSV));
        assertEquals("name,pattern,lr,state,steps,final_loss,best_val_accuracy,test_accuracy", csv.get(0));
        assertEquals(5, csv.size(), csv.toString());
        assertTrue(csv.get(1).startsWith("pattern=ssm_lr=1e-3,ssm,1e-3,finished,3,"), csv.get(1));
        assertTrue(csv.get(4).startsWith("pattern=sw_lr=3e-3,sw,3e-3,finished,3,"), csv.get(4));
        for (String name : List.of("pattern=ssm_lr=1e-3", "pattern=sw_lr=3e-3")) {
            assertTrue(Files.isDirectory(out.resolve("runs").resolve(name).resolve("best")), name);
            assertTrue(Files.readString(out.resolve("logs").resolve(name + ".log")).contains("state=finished"), name);
        }
        assertTrue(r.err().contains("[4/4 pattern=sw_lr=3e-3] done in") && r.err().contains("finished after 3 steps"),
                r.err());

        Result again = sweep(out, "--grid", "pattern=ssm,sw", "--grid", "lr=1e-3,3e-3");
        assertEquals(2, again.code());
        assertTrue(again.err().contains("already holds a sweep") && again.err().contains("--resume"), again.err());
        Result resumed = sweep(out, "--resume", "--grid", "pattern=ssm,sw", "--grid", "lr=1e-3,3e-3,1e-2");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("[1/6 pattern=ssm_lr=1e-3] done earlier, skipped"), resumed.err());
        assertTrue(resumed.err().contains("4 done, 2 to run"), resumed.err());
        assertEquals(7, Files.readAllLines(out.resolve(SweepReport.CSV)).size());
    }

    @Test
    void badSweepsExitWithTwoAndSayWhat() {
        Path out = tmp.resolve("bad");
        Result unknown = sweep(out, "--grid", "learning-rate=1e-3");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("axis learning-rate: train has no option --learning-rate"), unknown.err());
        Result badValue = sweep(out, "--grid", "steps=ten");
        assertEquals(2, badValue.code());
        assertTrue(badValue.err().contains("configuration steps=ten:") && badValue.err().contains("ten"), badValue.err());
        Result none = sweep(out);
        assertEquals(2, none.code());
        assertTrue(none.err().contains("the sweep has no axis"), none.err());
        Result gpu = sweep(out, "--grid", "lr=1e-3", "--devices", "gpu:0");
        assertEquals(2, gpu.code());
        assertTrue(gpu.err().contains("gpu:0 is not visible"), gpu.err());
        assertFalse(Files.exists(out), "nothing written for bad options");
    }

    @Test
    void anUnreadableGridFileSaysWhyInWords() throws Exception {
        Path out = tmp.resolve("bad");
        Path missing = tmp.resolve("axes.txt");
        Result none = sweep(out, "--grid-file", missing.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("--grid-file " + missing + ": no such file"), none.err());
        Path latin = Files.write(tmp.resolve("latin.txt"), new byte[] {'l', 'r', '=', (byte) 0xE9});
        Result bytes = sweep(out, "--grid-file", latin.toString());
        assertEquals(2, bytes.code());
        assertTrue(bytes.err().contains("is not UTF-8 text: byte 0xE9 at offset 3"), bytes.err());
        UsageErrorsTest.assertClean(bytes);
        assertFalse(Files.exists(out), "nothing written");
    }
}
