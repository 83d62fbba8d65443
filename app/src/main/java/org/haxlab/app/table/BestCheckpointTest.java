package org.haxlab.app.table;

import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.train.CheckpointException;
import org.haxlab.model.train.CheckpointStore;
import org.haxlab.model.train.EvalResult;
import org.haxlab.model.train.Evaluator;
import org.haxlab.model.train.RunSummary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The end of a table run (spec §4: "test at the best validation checkpoint"): reloads {@code best/} into the
 * model that was trained, evaluates it on the test split and saves the {@link RunResult} whose presence marks the
 * run as done. {@code haxlab train --test-samples} calls it, so a table's child process, a Slurm task and a
 * sweep entry all end the same way.
 */
public final class BestCheckpointTest {

    private BestCheckpointTest() {
    }

    /**
     * Tests the best checkpoint of {@code runDir} and saves {@link RunResult#FILE} there.
     *
     * @param entry   the table row the run belongs to
     * @param seed    the run's seed
     * @param summary how training ended
     * @param model   the trained model (its weights are replaced by the best checkpoint's)
     * @param runDir  the run folder holding {@code best/}
     * @param test    the test split
     * @param batch   sequences per forward
     * @return the saved result; its test accuracy is NaN when the run never saved a best checkpoint
     * @throws IOException when the best checkpoint cannot be reloaded or the result cannot be written
     */
    public static RunResult run(TableEntry entry, long seed, RunSummary summary, SequenceModel model, Path runDir,
                                List<RecallSequence> test, int batch) throws IOException {
        EvalResult eval = null;
        if (Files.isDirectory(runDir.resolve(CheckpointStore.BEST))) {
            try {
                new CheckpointStore().loadInto(runDir.resolve(CheckpointStore.BEST), model);
            } catch (CheckpointException e) {
                throw new IOException("run " + runDir.getFileName() + ": cannot reload its best checkpoint: "
                        + e.getMessage(), e);
            }
            eval = Evaluator.evaluate(model, test, batch);
        }
        RunResult result = new RunResult(entry, seed, summary.state().name().toLowerCase(Locale.ROOT), summary.steps(),
                summary.bestValAccuracy(), summary.bestStep(), eval == null ? Double.NaN : eval.accuracy(),
                eval == null ? Double.NaN : eval.loss(), model.params().count(), summary.elapsedSeconds(),
                eval == null ? List.of() : eval.cells());
        result.save(runDir);
        return result;
    }
}
