package org.haxlab.app.table;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.train.CheckpointException;
import org.haxlab.model.train.CheckpointStore;
import org.haxlab.model.train.CheckpointWriter;
import org.haxlab.model.train.EvalResult;
import org.haxlab.model.train.Evaluator;
import org.haxlab.model.train.MetricsCsv;
import org.haxlab.model.train.ModelFactory;
import org.haxlab.model.train.RunSummary;
import org.haxlab.model.train.SequenceSource;
import org.haxlab.model.train.Trainer;
import org.haxlab.model.train.TrainingConfig;
import org.haxlab.model.train.TrainingListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One (row, seed) run of a table: trains with validation (best checkpoint by validation accuracy), then
 * evaluates that best checkpoint on the test split (spec §4: "test at the best validation checkpoint") and
 * saves {@code metrics.csv}, {@code best/}, {@code last/} and {@link RunResult#FILE} in the run directory.
 */
public final class TableRun {

    private final ModelFactory models;
    private final Device device;

    /**
     * @param models builds the model of each run
     * @param device where the weights live
     */
    public TableRun(ModelFactory models, Device device) {
        this.models = models;
        this.device = device;
    }

    /**
     * Trains and tests one run; writes everything into {@code runDir} (emptied first: a half-written run from an
     * interrupted table is redone from scratch).
     *
     * @param entry    the table row
     * @param seed     the run's seed
     * @param scale    the table's scale
     * @param source   training sequences (already excluding the test split)
     * @param splits   validation and test splits
     * @param taskJson the task description for the checkpoints' run records
     * @param runDir   the run directory
     * @param progress extra listener (progress on stderr), may be null
     * @return the result, also saved as {@link RunResult#FILE}
     */
    public RunResult run(TableEntry entry, long seed, TableScale scale, SequenceSource source, Splits splits,
                         JsonObject taskJson, Path runDir, TrainingListener progress) throws IOException {
        CheckpointStore.deleteTree(runDir);
        Files.createDirectories(runDir);
        ModelConfig config = scale.modelConfig(entry, seed);
        TrainingConfig training = scale.trainingConfig(seed);
        CheckpointStore store = new CheckpointStore();
        try (NDManager manager = NDManager.newBaseManager(device);
             SequenceModel model = models.create(config, manager, device);
             MetricsCsv csv = new MetricsCsv(runDir.resolve("metrics.csv"))) {
            Trainer trainer = new Trainer(model, training, source, splits.validation())
                    .addListener(csv)
                    .addListener(new CheckpointWriter(runDir, model, store, taskJson, training));
            if (progress != null) {
                trainer.addListener(progress);
            }
            RunSummary s = trainer.run();
            EvalResult test = null;
            if (Files.isDirectory(runDir.resolve(CheckpointStore.BEST))) {
                try {
                    store.loadInto(runDir.resolve(CheckpointStore.BEST), model);
                } catch (CheckpointException e) {
                    throw new IOException("run " + runDir.getFileName() + ": cannot reload its best checkpoint: "
                            + e.getMessage(), e);
                }
                test = Evaluator.evaluate(model, splits.test(), scale.batch());
            }
            RunResult result = new RunResult(entry, seed, s.state().name().toLowerCase(Locale.ROOT), s.steps(),
                    s.bestValAccuracy(), s.bestStep(), test == null ? Double.NaN : test.accuracy(),
                    test == null ? Double.NaN : test.loss(), model.params().count(), s.elapsedSeconds(),
                    test == null ? List.of() : test.cells());
            result.save(runDir);
            return result;
        }
    }
}
