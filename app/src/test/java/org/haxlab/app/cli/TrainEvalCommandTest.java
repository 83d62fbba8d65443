package org.haxlab.app.cli;

import org.haxlab.app.cli.HardenedCli.Result;
import org.haxlab.model.train.CheckpointStore;
import org.haxlab.model.train.MetricsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The train and eval commands, run through the CLI root with the fixture model and task. */
class TrainEvalCommandTest {

    @TempDir
    Path tmp;

    /** The tiny fixture run, 12 steps into tmp/run (validations at 6 and 12), {@code extra} options added. */
    private Path train(String... extra) {
        Path dir = tmp.resolve("run");
        List<String> args = new ArrayList<>(List.of("--steps", "12"));
        args.addAll(List.of(extra));
        Result r = HardenedCli.trainTiny(dir, args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("state=finished steps=12"), r.out());
        return dir;
    }

    @Test
    void helpEverywhere() {
        Result t = HardenedCli.run("train", "--help");
        assertEquals(0, t.code());
        for (String opt : List.of("--backbone", "--pattern", "--steps", "--batch", "--lr", "--seed", "--contexts", "--keys",
                "--out", "--warmup", "--val-every", "--device", "--k", "--hash-bits", "--variant", "--init", "--schedule",
                "--clip")) {
            assertTrue(t.out().contains(opt), opt);
        }
        Result e = HardenedCli.run("eval", "--help");
        assertEquals(0, e.code());
        assertTrue(e.out().contains("--checkpoint") && e.out().contains("--samples"), e.out());
    }

    @Test
    void trainWritesMetricsAndCheckpointsThenEvalPrintsAccuracy() throws Exception {
        Path dir = train("--export-npz");
        List<String> csv = Files.readAllLines(dir.resolve("metrics.csv"));
        assertEquals(MetricsCsv.HEADER, csv.get(0));
        assertEquals(13, csv.size());
        assertTrue(csv.get(6).split(",", -1)[5].length() > 0, "validation at step 6: " + csv.get(6));
        assertTrue(csv.get(5).split(",", -1)[5].isEmpty(), csv.get(5));
        assertTrue(Files.isRegularFile(dir.resolve("best/run.json")));
        assertTrue(Files.isRegularFile(dir.resolve("last/weights.ndlist")));
        assertTrue(Files.size(dir.resolve("weights.npz")) > 0);

        Result r = HardenedCli.run("eval", "--checkpoint", dir.toString(), "--samples", "10", "--device", "cpu");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\\R");
        assertTrue(lines[0].matches("accuracy=[01]\\.\\d{6}"), lines[0]);
        assertTrue(r.out().contains("n_c=1 n_k=2") || r.out().contains("n_c=2 n_k=2"), r.out());
        // the same evaluation twice gives the same number (fresh sequences from a fixed seed)
        Result again = HardenedCli.run("eval", "--checkpoint", dir.toString(), "--samples", "10");
        assertEquals(lines[0], again.out().split("\\R")[0]);
        // a model without LSH: several hash draws give one result, and the spread line says why
        Result draws = HardenedCli.run("eval", "--checkpoint", dir.toString(), "--samples", "10", "--hash-draws", "3");
        assertEquals(0, draws.code(), draws.err());
        assertEquals(lines[0], draws.out().split("\\R")[0]);
        assertTrue(draws.out().contains("hash_draws=1 ") && draws.out().contains("accuracy_std=0.000000")
                && draws.out().contains("(no LSH: every draw gives the same result)"), draws.out());
        Result bad = HardenedCli.run("eval", "--checkpoint", dir.toString(), "--hash-draws", "0");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--hash-draws 0 is out of range 1..1000"), bad.err());
    }

    @Test
    void reportEveryWritesOnlyTheReportedSteps() throws Exception {
        Path dir = train("--report-every", "4");
        List<String> csv = Files.readAllLines(dir.resolve("metrics.csv"));
        // steps 4, 6 (validation), 8, 12 (validation and last)
        assertEquals(List.of("4", "6", "8", "12"), csv.subList(1, csv.size()).stream().map(l -> l.split(",")[0]).toList());
        assertTrue(Files.isRegularFile(dir.resolve("best/run.json")));
        Result bad = HardenedCli.run("train", "--report-every", "0", "--out", tmp.resolve("x").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--report-every 0 is out of range 1.."), bad.err());
    }

    @Test
    void evalRefusesAnUnusableCheckpointWithOneLine() throws Exception {
        Path dir = train();
        Path weights = dir.resolve("best/weights.ndlist");
        byte[] b = Files.readAllBytes(weights);
        Files.write(weights, Arrays.copyOf(b, b.length - 10));
        Result r = HardenedCli.run("eval", "--checkpoint", dir.resolve("best").toString(), "--contexts", "2", "--keys", "2");
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: unusable checkpoint") && r.err().contains("weights.ndlist")
                && r.err().contains("truncated"), r.err());

        Result missing = HardenedCli.run("eval", "--checkpoint", tmp.resolve("nope").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no such checkpoint"), missing.err());
    }

    @Test
    void theInitSchemeIsRecordedReleasedByDefault() throws Exception {
        Path released = train();
        assertTrue(Files.readString(released.resolve("best/run.json")).contains("\"init\": \"RELEASED\""));
        CheckpointStore.deleteTree(released);
        Path torch = train("--init", "torch");
        assertTrue(Files.readString(torch.resolve("best/run.json")).contains("\"init\": \"TORCH\""));
        Result bad = HardenedCli.run("train", "--init", "xavier", "--out", tmp.resolve("x").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--init: unknown initialisation 'xavier' (expected torch or released)"), bad.err());
    }

    @Test
    void badOptionsExitWithTwoAndSayWhy() {
        Result r = HardenedCli.run("train", "--pattern", "xyz", "--out", tmp.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown pattern 'xyz'"), r.err());
        Result s = HardenedCli.run("train", "--steps", "10");
        assertEquals(2, s.code(), "missing --out");
    }
}
