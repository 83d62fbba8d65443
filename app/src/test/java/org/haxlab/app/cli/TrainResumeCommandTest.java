package org.haxlab.app.cli;

import org.haxlab.app.cli.HardenedCli.Result;
import org.haxlab.model.train.CheckpointStore;
import org.haxlab.model.train.ResumeState;
import org.haxlab.model.train.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train --resume} and {@code --overwrite}, and the run-folder refusals, with the fixture model and task. */
class TrainResumeCommandTest {

    @TempDir
    Path tmp;

    private static Result train(Path dir, String... extra) {
        return HardenedCli.trainTiny(dir, extra);
    }

    private static Result resume(Path dir, String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--resume", "--out", dir.toString()));
        args.addAll(List.of(extra));
        return HardenedCli.run(args.toArray(String[]::new));
    }

    /** metrics.csv rows without the timing columns (tokens/s, elapsed), which differ between runs. */
    private static List<String> curve(Path dir) throws Exception {
        return Files.readAllLines(dir.resolve("metrics.csv")).stream()
                .map(l -> String.join(",", Arrays.copyOf(l.split(",", -1), 7))).toList();
    }

    private static byte[] weights(Path dir) throws Exception {
        return Files.readAllBytes(dir.resolve("last").resolve(CheckpointStore.WEIGHTS_FILE));
    }

    @Test
    void twelveStepsThenResumeToTwentyFourEqualsTwentyFourInOneGo() throws Exception {
        Path whole = tmp.resolve("whole");
        Result w = train(whole, "--steps", "24");
        assertEquals(0, w.code(), w.err());
        Path split = tmp.resolve("split");
        assertEquals(0, train(split, "--steps", "12").code());
        Result r = resume(split, "--steps", "24", "--device", "cpu");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("resuming at step 12"), r.err());
        assertTrue(r.out().startsWith("state=finished steps=24"), r.out());
        assertEquals(curve(whole), curve(split), "same losses, accuracies, validations and rates, each step once");
        assertArrayEquals(weights(whole), weights(split), "same final weights");
        assertArrayEquals(Files.readAllBytes(whole.resolve("best").resolve(CheckpointStore.WEIGHTS_FILE)),
                Files.readAllBytes(split.resolve("best").resolve(CheckpointStore.WEIGHTS_FILE)), "same best/");

        Result done = resume(split);
        assertEquals(0, done.code(), done.err());
        assertTrue(done.err().contains("is complete: 24 of 24 steps"), done.err());
        assertTrue(done.out().startsWith("state=complete steps=24"), done.out());
    }

    @Test
    void resumeFromAnEarlierLastDropsTheLaterMetricsRows() throws Exception {
        Path whole = tmp.resolve("whole");
        assertEquals(0, train(whole, "--steps", "12").code());
        Path dir = tmp.resolve("run");
        assertEquals(0, train(dir, "--steps", "12", "--checkpoint-every", "6").code());
        // as if the run had been killed after step 12's row but before its checkpoint: last/ is at step 6
        Path at6 = tmp.resolve("at6");
        assertEquals(0, train(at6, "--steps", "6").code());
        CheckpointStore.deleteTree(dir.resolve("last"));
        Files.move(at6.resolve("last"), dir.resolve("last"));
        Result r = resume(dir, "--steps", "12");
        assertEquals(0, r.code(), r.err());
        assertEquals(curve(whole), curve(dir));
        assertArrayEquals(weights(whole), weights(dir));
    }

    @Test
    void resumeWithOtherSettingsIsRefusedNamingEachDifference() throws Exception {
        Path dir = tmp.resolve("run");
        assertEquals(0, train(dir, "--steps", "6").code());
        Result r = resume(dir, "--backbone", "mamba2", "--lr", "0.003", "--contexts", "1..3", "--steps", "8");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--backbone mamba2 (the run has mamba1)"), r.err());
        assertTrue(r.err().contains("--contexts 1..3 (the run has 1..2)"), r.err());
        assertFalse(r.err().contains("--lr"), "3e-3 and 0.003 are the same rate: " + r.err());
        // the same settings spelled out are accepted
        Result same = resume(dir, "--seed", "5", "--pattern", "SSM", "--lr", "0.003", "--steps", "8");
        assertEquals(0, same.code(), same.err());
        Result back = resume(dir, "--steps", "7");
        assertEquals(2, back.code());
        assertTrue(back.err().contains("already at step 8"), back.err());
    }

    @Test
    void newRunIntoAnExistingRunIsRefusedAndOverwriteReplacesIt() throws Exception {
        Path dir = tmp.resolve("run");
        assertEquals(0, train(dir, "--steps", "6").code());
        byte[] before = weights(dir);
        Result again = train(dir, "--steps", "6");
        assertEquals(2, again.code());
        assertTrue(again.err().contains("already holds a run") && again.err().contains("--resume")
                && again.err().contains("--overwrite"), again.err());
        assertArrayEquals(before, weights(dir), "the refused run touched nothing");

        Result over = train(dir, "--steps", "4", "--overwrite");
        assertEquals(0, over.code(), over.err());
        assertEquals(5, Files.readAllLines(dir.resolve("metrics.csv")).size(), "a fresh metrics.csv");
        assertFalse(Arrays.equals(before, weights(dir)));

        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("thesis.tex"), "x");
        Result notRun = train(mine, "--steps", "4", "--overwrite");
        assertEquals(2, notRun.code());
        assertTrue(notRun.err().contains("holds files but no run"), notRun.err());
        assertTrue(Files.exists(mine.resolve("thesis.tex")));

        Result both = resume(dir, "--overwrite");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("give one of them"), both.err());
    }

    @Test
    void lockedFolderIsRefusedNamingTheHolder() throws Exception {
        Path dir = tmp.resolve("run");
        assertEquals(0, train(dir, "--steps", "6").code());
        try (RunFolder held = RunFolder.open(dir, RunFolder.Mode.RESUME)) {
            Result r = resume(dir, "--steps", "8");
            assertEquals(2, r.code());
            assertTrue(r.err().contains("in use by") && r.err().contains("pid " + ProcessHandle.current().pid()), r.err());
            Result o = train(dir, "--steps", "6", "--overwrite");
            assertEquals(2, o.code());
            assertTrue(Files.exists(dir.resolve("last")), "a refused --overwrite deletes nothing");
        }
    }

    @Test
    void damagedLastIsRefusedAndLeftoversAreRemoved() throws Exception {
        Path dir = tmp.resolve("run");
        assertEquals(0, train(dir, "--steps", "6").code());
        Files.createDirectories(dir.resolve(".last.tmp-77-1"));
        Path opt = dir.resolve("last").resolve(ResumeState.OPTIMIZER_FILE);
        byte[] b = Files.readAllBytes(opt);
        Files.write(opt, Arrays.copyOf(b, b.length / 2));
        Result r = resume(dir, "--steps", "8");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("removed .last.tmp-77-1 left by a killed save"), r.err());
        assertTrue(r.err().contains("error: cannot resume") && r.err().contains(ResumeState.OPTIMIZER_FILE)
                && r.err().contains("truncated"), r.err());
        assertFalse(Files.exists(dir.resolve(".last.tmp-77-1")));

        Files.write(opt, b);
        Files.delete(dir.resolve("last").resolve(CheckpointStore.WEIGHTS_FILE));
        Result w = resume(dir, "--steps", "8");
        assertEquals(1, w.code());
        assertTrue(w.err().contains(CheckpointStore.WEIGHTS_FILE), w.err());

        Result none = resume(tmp.resolve("nothing"));
        assertEquals(2, none.code());
        assertTrue(none.err().contains("no such run folder"), none.err());
    }

    /**
     * The real model (Mamba-2 + HAX: fresh LSH projections and ranking-loss picks every step) through the real
     * command: 3 steps then a resume to 6 equal 6 steps in one go, in a run folder copied elsewhere (portable).
     */
    @Test
    void realHaxModelResumesExactlyInACopiedFolder() throws Exception {
        String[] real = {"train", "--backbone", "mamba2", "--pattern", "hax", "--k", "8", "--batch", "2", "--seed", "3",
            "--contexts", "1", "--keys", "2", "--warmup", "2", "--val-every", "3", "--val-samples", "4", "--device", "cpu"};
        Path whole = tmp.resolve("whole");
        CliTestSupport.Result w = CliTestSupport.run(concat(real, "--steps", "6", "--out", whole.toString()));
        assertEquals(0, w.code(), w.err());
        Path first = tmp.resolve("first");
        assertEquals(0, CliTestSupport.run(concat(real, "--steps", "3", "--out", first.toString())).code());
        Path moved = tmp.resolve("elsewhere").resolve("copy");
        copyTree(first, moved);
        CheckpointStore.deleteTree(first);
        CliTestSupport.Result r = CliTestSupport.run("train", "--resume", "--steps", "6", "--out", moved.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(curve(whole), curve(moved));
        assertArrayEquals(weights(whole), weights(moved));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void copyTree(Path from, Path to) throws Exception {
        Files.createDirectories(to.getParent());
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    @Test
    void helpExplainsResumeOverwriteAndTheLock() {
        Result h = HardenedCli.run("train", "--help");
        assertEquals(0, h.code());
        for (String s : List.of("--resume", "--overwrite", "--checkpoint-every", "OUT/.lock")) {
            assertTrue(h.out().contains(s), s + " in " + h.out());
        }
    }
}
