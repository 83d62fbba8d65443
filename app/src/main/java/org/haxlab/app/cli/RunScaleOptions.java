package org.haxlab.app.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.haxlab.app.table.Splits;
import org.haxlab.app.table.TableEntry;
import org.haxlab.app.table.TableScale;
import org.haxlab.model.io.BoundedJson;
import org.haxlab.model.io.Utf8Text;
import org.haxlab.model.json.JsonFields;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.train.CheckpointException;
import org.haxlab.model.train.SequenceSource;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The options of {@code haxlab train} that size the model below the paper's and test the best checkpoint the way
 * {@code haxlab table} does (spec §4), so that every (row, seed) of a table, a Slurm task or a sweep entry is one
 * plain {@code train} process. Without them {@code train} keeps the paper's synthetic config (spec §2).
 */
public final class RunScaleOptions {

    /** The table's default data seed, so a lone {@code train --test-samples} tests on a table's test split. */
    static final long DEFAULT_DATA_SEED = 20250700L;

    @Option(names = "--d-model", description = "Model width (default: the paper's 64). Heads (Mamba-2) and dt rank "
            + "(Mamba) follow it as in `table`.")
    Integer dModel;
    @Option(names = "--d-state", description = "SSM state size N (default: the paper's, 16 Mamba, 32 Mamba-2).")
    Integer dState;
    @Option(names = "--max-len", description = "Dilation maxLen: the stride is maxLen / k_c (default: the paper's 2048).")
    Integer maxLen;
    @Option(names = "--double-width", description = "The paper's Base (2x dim): d_model doubled, no branch "
            + "(with --pattern ssm).")
    boolean doubleWidth;
    @Option(names = "--test-samples", defaultValue = "0", description = "After training, test the best validation "
            + "checkpoint on this many held-out sequences and write OUT/result.json; validation and test splits then "
            + "come from --data-seed, as in `table` (default: 0, no test).")
    int testSamples;
    @Option(names = "--data-seed", defaultValue = "20250700", description = "Seed of the validation and test splits "
            + "when testing (default: ${DEFAULT-VALUE}, the table's).")
    long dataSeed;
    @Option(names = "--threads", defaultValue = "0", description = "PyTorch intra-op threads; 0 = one per core (default).")
    int threads;

    /** True when the run tests its best checkpoint and writes result.json. */
    boolean testing() {
        return testSamples > 0;
    }

    /** Refuses inconsistent values with a message naming the option; call before anything is written. */
    void check(Pattern pattern, int valSamples, int validateEvery) {
        if (testSamples < 0) {
            throw new IllegalArgumentException("--test-samples " + testSamples + " must be >= 0");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("--threads " + threads + " must be >= 0 (0 = one per core)");
        }
        if (doubleWidth && pattern != Pattern.NONE) {
            throw new IllegalArgumentException("--double-width is the paper's Base (2x dim), which has no branch: use it "
                    + "with --pattern ssm (got " + pattern.name().toLowerCase(Locale.ROOT) + ")");
        }
        if (testing() && validateEvery < 1) {
            throw new IllegalArgumentException("--test-samples tests the best validation checkpoint: --val-every must "
                    + "be >= 1");
        }
        if (testing() && valSamples < 1) {
            throw new IllegalArgumentException("--test-samples needs --val-samples >= 1 (the best checkpoint is chosen "
                    + "on validation)");
        }
        if (testing()) {
            tableEntry(pattern);
        }
    }

    /**
     * The model: the paper's config, or the scaled one of {@code table} when a size option is given. Refuses a size
     * below 1 naming the option.
     */
    ModelConfig modelConfig(Backbone backbone, SparseConfig sparse, long seed) {
        // named by option here, before the model config refuses them by its own field names
        positive("--d-model", dModel);
        positive("--d-state", dState);
        positive("--max-len", maxLen);
        SparseConfig s = maxLen == null ? sparse : TableScale.withMaxLen(sparse, maxLen);
        ModelConfig paper = ModelConfig.paper(backbone, s, seed);
        ModelConfig m = dModel == null && dState == null ? paper
                : TableScale.scaledModel(backbone, dModel == null ? paper.dModel() : dModel,
                dState == null ? paper.dState() : dState, s, seed);
        return doubleWidth ? m.base2x() : m;
    }

    /** The validation and test splits of a tested run (the table's, for the same counts and data seed). */
    Splits splits(SequenceSource source, int valSamples) {
        return Splits.draw(source, valSamples, testSamples, dataSeed);
    }

    /**
     * For {@code --resume}: every size option given whose value does not give the run's model, as
     * {@code "--d-model 64 (the run has 32)"}.
     */
    List<String> resumeDifferences(ModelConfig run, long seed, CommandLine.ParseResult given) {
        List<String> diff = new ArrayList<>();
        if (!(given.hasMatchedOption("--d-model") || given.hasMatchedOption("--d-state")
                || given.hasMatchedOption("--max-len") || given.hasMatchedOption("--double-width"))) {
            return diff;
        }
        // what the given options build on the run's backbone and branch, field by field; an option left out keeps
        // the run's value (not the paper's), so repeating part of the run's command line is not a difference
        SparseConfig sparse = run.sparse();
        positive("--d-model", dModel);
        positive("--d-state", dState);
        positive("--max-len", maxLen);
        int width = dModel != null ? dModel : doubleWidth ? Math.max(1, run.dModel() / 2) : run.dModel();
        ModelConfig scaled = TableScale.scaledModel(run.backbone(), width, dState != null ? dState : run.dState(),
                maxLen == null ? sparse : TableScale.withMaxLen(sparse, maxLen), seed);
        ModelConfig wanted = doubleWidth ? scaled.base2x() : scaled;
        if (doubleWidth && sparse.pattern() != Pattern.NONE) {
            diff.add("--double-width (the run has pattern " + sparse.pattern().id() + ")");
        }
        if (wanted.dModel() != run.dModel()) {
            diff.add((dModel == null ? "--double-width" : (doubleWidth ? "--double-width, " : "") + "--d-model " + dModel)
                    + " (the run has d_model " + run.dModel() + ")");
        }
        if (wanted.dState() != run.dState()) {
            diff.add("--d-state " + dState + " (the run has " + run.dState() + ")");
        }
        if (wanted.sparse().maxLen() != sparse.maxLen()) {
            diff.add("--max-len " + wanted.sparse().maxLen() + " (the run has " + sparse.maxLen() + ")");
        }
        return diff;
    }

    /** The file of a tested run that records its splits, so that {@code --resume} alone tests it the same way. */
    static final String SPLITS_FILE = "splits.json";
    /** Largest split record read: it holds three numbers. */
    private static final long SPLITS_MAX_BYTES = 64 << 10;

    /** Records this run's splits in {@code dir} (a tested run only). */
    void saveSplits(Path dir, int valSamples) throws IOException {
        if (!testing()) {
            return;
        }
        JsonObject o = new JsonObject();
        o.addProperty("valSamples", valSamples);
        o.addProperty("testSamples", testSamples);
        o.addProperty("dataSeed", dataSeed);
        Files.writeString(dir.resolve(SPLITS_FILE), o + "\n", StandardCharsets.UTF_8);
    }

    /**
     * For {@code --resume}: takes the test split of the run in {@code dir} ({@value #SPLITS_FILE}) and returns every
     * given option that differs from it, as {@code "--data-seed 7 (the run has 20250700)"}; a run without the file was
     * not tested, and {@code --test-samples} cannot be added to it (its validation split would change).
     *
     * @param given the options matched on the command line
     */
    List<String> resumeSplits(Path dir, CommandLine.ParseResult given) throws CheckpointException {
        Path file = dir.resolve(SPLITS_FILE);
        List<String> diff = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            if (given.hasMatchedOption("--test-samples") && testSamples > 0) {
                diff.add("--test-samples " + testSamples + " (the run was started without a test split)");
            }
            testSamples = 0;
            return diff;
        }
        int runTest;
        long runSeed;
        try {
            JsonElement tree = BoundedJson.parse(Utf8Text.read(file, SPLITS_MAX_BYTES));
            if (!tree.isJsonObject()) {
                throw new IllegalArgumentException("the document is not a JSON object");
            }
            JsonFields o = new JsonFields(tree.getAsJsonObject(), "");
            runTest = o.integer("testSamples", 1, Integer.MAX_VALUE);
            runSeed = o.longValue("dataSeed");
        } catch (IOException e) {
            throw new CheckpointException(file, "cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // without it the test split is unknown: testing on another one would report a wrong accuracy
            throw new CheckpointException(file, "is not a valid split record: " + e.getMessage(), e);
        }
        if (given.hasMatchedOption("--test-samples") && testSamples != runTest) {
            diff.add("--test-samples " + testSamples + " (the run has " + runTest + ")");
        }
        if (given.hasMatchedOption("--data-seed") && dataSeed != runSeed) {
            diff.add("--data-seed " + dataSeed + " (the run has " + runSeed + ")");
        }
        testSamples = runTest;
        dataSeed = runSeed;
        return diff;
    }

    /** The Table 1 row of this run, named in result.json. */
    TableEntry tableEntry(Pattern pattern) {
        if (doubleWidth) {
            return TableEntry.BASE2X;
        }
        for (TableEntry e : TableEntry.ALL) {
            if (e.pattern() == pattern && !e.doubleWidth()) {
                return e;
            }
        }
        throw new IllegalArgumentException("--test-samples writes a Table 1 result; pattern "
                + pattern.name().toLowerCase(Locale.ROOT) + " is not a Table 1 row (rows: "
                + String.join(", ", TableEntry.ALL.stream().map(TableEntry::id).toList()) + ")");
    }

    /** Sets PyTorch's intra-op threads (0 = one per core); a no-op on other engines. */
    void applyThreads() {
        setThreads(threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
    }

    /** Intra-op threads of the PyTorch engine; a no-op on other engines. */
    static void setThreads(int n) {
        ai.djl.engine.Engine engine = ai.djl.engine.Engine.getInstance();
        if ("PyTorch".equals(engine.getEngineName())) {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(n);
        }
    }

    private static void positive(String option, Integer value) {
        if (value != null && value < 1) {
            throw new IllegalArgumentException(option + " " + value + " must be >= 1");
        }
    }
}
