package org.haxlab.app.table;

import org.haxlab.app.jobs.RunJob;
import org.haxlab.model.train.CheckpointStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The (row, seed) runs of one table and the {@code haxlab train} command of each: the same model, data, splits and
 * schedule as the table's scale (spec §4), tested at the best validation checkpoint. Decides what an interrupted
 * table does with each run folder: a run with {@link RunResult#FILE} is done and skipped, one with a {@code last/}
 * checkpoint continues from it ({@code train --resume}), and any other leftover (killed before its first
 * checkpoint) is cleared and started again.
 *
 * @param scale    the table's scale
 * @param entries  the rows, in table order
 * @param seeds    the seeds
 * @param contexts the n_c grid as typed (e.g. {@code 2..4}), passed on unchanged
 * @param keys     the n_k grid as typed
 * @param out      the table folder
 */
public record TablePlan(TableScale scale, List<TableEntry> entries, List<Long> seeds, String contexts, String keys,
                        Path out) {

    /** What a run folder holds. */
    public enum Status {
        /** result.json exists: the run finished and was tested (at the table's steps, or it stopped early). */
        DONE,
        /**
         * last/ exists: continue from it. So does a run that finished at fewer steps than the table now asks for
         * (an extended table): its earlier result is kept beside it as {@code result-<steps>-steps.json}.
         */
        RESUMABLE,
        /** nothing usable: start from scratch. */
        FRESH
    }

    /**
     * One planned run.
     *
     * @param entry  the row
     * @param seed   the seed
     * @param index  0-based position in the table (the Slurm array index)
     * @param runDir its folder
     * @param steps  the table's steps, the total the run trains to
     */
    public record Run(TableEntry entry, long seed, int index, Path runDir, int steps) {

        /** {@code <row>-s<seed>}. */
        public String name() {
            return RunResult.dirName(entry, seed);
        }
    }

    public TablePlan {
        entries = List.copyOf(entries);
        seeds = List.copyOf(seeds);
    }

    /** Every run, row by row, seeds inside a row. */
    public List<Run> runs() {
        List<Run> out = new ArrayList<>();
        for (TableEntry e : entries) {
            for (long s : seeds) {
                out.add(new Run(e, s, out.size(), runsDir().resolve(RunResult.dirName(e, s)), scale.steps()));
            }
        }
        return List.copyOf(out);
    }

    /** {@code OUT/runs}. */
    public Path runsDir() {
        return out.resolve("runs");
    }

    /** The log of a run's child process: outside its folder, which {@code train} wants empty for a fresh start. */
    public Path log(Run run) {
        return out.resolve("logs").resolve(run.name() + ".log");
    }

    /** What the run's folder holds now. */
    public static Status status(Run run) {
        boolean checkpointed = Files.isDirectory(run.runDir().resolve(CheckpointStore.LAST));
        if (Files.isRegularFile(run.runDir().resolve(RunResult.FILE))) {
            return checkpointed && shortOf(run) != null ? Status.RESUMABLE : Status.DONE;
        }
        return checkpointed ? Status.RESUMABLE : Status.FRESH;
    }

    /**
     * The result of a run that finished at fewer steps than the table's (the table was extended), else null: a
     * diverged run, a result at the table's steps, or one that cannot be read stays as it is.
     */
    private static RunResult shortOf(Run run) {
        try {
            RunResult r = RunResult.load(run.runDir());
            return r.state().equals("finished") && r.steps() < run.steps() ? r : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Makes the folder ready and returns the job: a fresh run's leftover folder is deleted (it holds no checkpoint
     * to continue from), a resumable one is kept.
     *
     * @throws IOException when a leftover folder cannot be deleted
     */
    public RunJob prepare(Run run) throws IOException {
        Status st = status(run);
        if (st == Status.DONE) {
            throw new IllegalStateException("run " + run.name() + " is already done");
        }
        if (st == Status.FRESH && Files.exists(run.runDir())) {
            CheckpointStore.deleteTree(run.runDir());
        }
        RunResult earlier = st == Status.RESUMABLE ? shortOf(run) : null;
        if (earlier != null) {
            // the extended run writes its own result at the end; the shorter run's stays beside it
            Files.move(run.runDir().resolve(RunResult.FILE),
                    run.runDir().resolve("result-" + earlier.steps() + "-steps.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createDirectories(runsDir());
        return new RunJob(run.name(), run.runDir(), trainArgs(run, st == Status.RESUMABLE), log(run),
                st == Status.RESUMABLE);
    }

    /** The {@code haxlab train} arguments of a run (without {@code --device} and {@code --threads}). */
    public List<String> trainArgs(Run run, boolean resume) {
        TableScale s = scale;
        List<String> a = new ArrayList<>(List.of(
                "--backbone", s.backbone().id(),
                "--pattern", run.entry().pattern().id(),
                "--d-model", Integer.toString(s.dModel()),
                "--d-state", Integer.toString(s.dState()),
                "--k", Integer.toString(s.budget()),
                "--max-len", Integer.toString(s.maxLen()),
                "--hash-bits", Integer.toString(s.hashBits()),
                "--variant", "causal",
                "--steps", Integer.toString(s.steps()),
                "--batch", Integer.toString(s.batch()),
                "--lr", num(s.lr()),
                "--warmup", Integer.toString(s.warmup()),
                "--schedule", "constant",
                "--weight-decay", "0.01",
                "--clip", "1.0",
                "--val-every", Integer.toString(s.valEvery()),
                "--val-samples", Integer.toString(s.valSamples()),
                "--test-samples", Integer.toString(s.testSamples()),
                "--data-seed", Long.toString(s.dataSeed()),
                "--seed", Long.toString(run.seed()),
                "--contexts", contexts,
                "--keys", keys,
                "--out", run.runDir().toAbsolutePath().toString()));
        if (run.entry().doubleWidth()) {
            a.add("--double-width");
        }
        if (resume) {
            a.add("--resume");
        }
        return a;
    }

    /** Every result present, in plan order; runs without one are left out. */
    public List<RunResult> results() throws IOException {
        List<RunResult> out = new ArrayList<>();
        for (Run r : runs()) {
            if (status(r) == Status.DONE) {
                // the plan knows the row: a resumed base2x run given without --double-width would name itself Base
                out.add(RunResult.load(r.runDir()).as(r.entry(), r.seed()));
            }
        }
        return out;
    }

    private static String num(double x) {
        // shortest exact form: the child must parse the very same double
        return Double.toString(x).toLowerCase(Locale.ROOT);
    }
}
