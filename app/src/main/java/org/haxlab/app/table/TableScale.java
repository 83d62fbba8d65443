package org.haxlab.app.table;

import com.google.gson.JsonObject;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.train.Schedule;
import org.haxlab.model.train.TaskSpec;
import org.haxlab.model.train.TrainingConfig;

/**
 * Everything that defines one desktop-scale table, shared by all its (row, seed) runs. The paper's scale
 * (spec §4: d_model 64, k 64, maxLen 2048, n_c, n_k in 5..16, 400k steps) is far beyond a desktop CPU, so
 * the task grid, the model and the sparse budget shrink together: k and maxLen must shrink with the
 * sequence length, otherwise every pattern covers whole short sequences and becomes full attention.
 *
 * @param backbone    Mamba-1 or Mamba-2
 * @param task        the (n_c, n_k) grid
 * @param dModel      residual width of the base model ("Base (2x dim)" doubles it)
 * @param dState      SSM state size N
 * @param budget      sparse keys per query k (split evenly over a pattern's components)
 * @param maxLen      length the dilation stride is computed from (r = maxLen / k_c)
 * @param hashBits    LSH sign bits h (2^h bins)
 * @param steps       optimiser steps per run
 * @param batch       sequences per step
 * @param lr          peak learning rate (AdamW, linear warm-up then constant, as the paper)
 * @param warmup      warm-up steps
 * @param valEvery    validate (and keep the best checkpoint) every this many steps
 * @param valSamples  size of the validation split
 * @param testSamples size of the test split
 * @param dataSeed    seed of the validation and test splits (the same for every run of the table)
 */
public record TableScale(Backbone backbone, TaskSpec task, int dModel, int dState, int budget, int maxLen,
                         int hashBits, int steps, int batch, double lr, int warmup, int valEvery, int valSamples,
                         int testSamples, long dataSeed) {

    /** Mamba-2 head width of the paper's synthetic config (d_inner 128 / 8 heads); kept at the smaller widths. */
    static final int HEAD_DIM = 16;

    public TableScale {
        if (backbone == null || task == null) {
            throw new IllegalArgumentException("table scale: backbone and task are required");
        }
        positive("--d-model", dModel);
        positive("--d-state", dState);
        positive("--k", budget);
        positive("--steps", steps);
        positive("--batch", batch);
        positive("--val-samples", valSamples);
        positive("--test-samples", testSamples);
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("--lr " + lr + " must be a positive number");
        }
        if (warmup < 0 || warmup >= steps) {
            throw new IllegalArgumentException("--warmup " + warmup + " must be in 0.." + (steps - 1) + " (below --steps)");
        }
        if (valEvery < 1 || valEvery > steps) {
            throw new IllegalArgumentException("--val-every " + valEvery + " must be in 1.." + steps
                    + ": the test uses the best validation checkpoint");
        }
        if (budget % 2 != 0) {
            throw new IllegalArgumentException("--k " + budget + " must be even: two-component patterns (+A, +SW+D, "
                    + "+HAX) give each component k/2");
        }
        if (maxLen < task.maxLength()) {
            throw new IllegalArgumentException("--max-len " + maxLen + " is below the longest sequence of the grid ("
                    + task.maxLength() + "); the paper uses about twice the padded length (2048 for 1058)");
        }
        if (budget >= task.maxLength()) {
            throw new IllegalArgumentException("--k " + budget + " covers whole sequences (longest " + task.maxLength()
                    + "): every pattern would be full attention; scale k with the length (paper: 64 of 1058)");
        }
        if (backbone == Backbone.MAMBA2 && (dModel * 2) % HEAD_DIM != 0) {
            throw new IllegalArgumentException("--d-model " + dModel + ": Mamba-2 needs d_inner = 2 d_model divisible by "
                    + "the head width " + HEAD_DIM);
        }
    }

    private static void positive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " " + value + " must be >= 1");
        }
    }

    /**
     * The model of {@code entry}, initialised from {@code seed}: spec §2's synthetic config (2 layers, expand 2,
     * conv 4, vocabulary 100) at this width and state, Mamba-2 heads of width {@value #HEAD_DIM} (Base (2x dim)
     * keeps the count with heads twice as wide, as released), Mamba-1 dt rank ceil(d_model / 16) as in Mamba;
     * the branch with this budget, maxLen and hash width, causal LSH; the released initialisation.
     */
    public ModelConfig modelConfig(TableEntry entry, long seed) {
        SparseConfig sparse = SparseConfig.paper(entry.pattern()).withBudget(budget).withHashBits(hashBits);
        ModelConfig base = scaledModel(backbone, dModel, dState, withMaxLen(sparse, maxLen), seed);
        return entry.doubleWidth() ? base.base2x() : base;
    }

    /**
     * A model of spec §2's synthetic config (2 layers, expand 2, conv 4, vocabulary 100) at width {@code dModel}
     * and state {@code dState}: Mamba-2 heads of width {@value #HEAD_DIM}, Mamba-1 dt rank ceil(d_model / 16) as
     * in Mamba. {@code haxlab train --d-model/--d-state} builds its model here too, so a table's child run gets
     * exactly the table's model.
     */
    public static ModelConfig scaledModel(Backbone backbone, int dModel, int dState, SparseConfig sparse, long seed) {
        int dtRank = Math.max(1, (dModel + 15) / 16);
        int heads = Math.max(1, dModel * 2 / HEAD_DIM);
        return new ModelConfig(backbone, 100, dModel, 2, 2, dState, dtRank, heads, 4, sparse, seed);
    }

    /** {@code sparse} with the dilation length {@code maxLen} (r = maxLen / k_c, spec §3). */
    public static SparseConfig withMaxLen(SparseConfig sparse, int maxLen) {
        return new SparseConfig(sparse.pattern(), sparse.budget(), sparse.hashBits(), sparse.lshRule(), maxLen,
                sparse.variant(), sparse.path());
    }

    /** The training settings of one run: AdamW wd 0.01, constant after warm-up, clip 1.0, gate weight 0.1. */
    public TrainingConfig trainingConfig(long seed) {
        return new TrainingConfig(steps, batch, lr, warmup, Schedule.CONSTANT, 0.01, 1.0, 0.1, valEvery, 0, seed);
    }

    /** The scale as JSON ({@code table.json}); a resumed table must have the same. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("backbone", backbone.id());
        o.add("task", task.toJson());
        o.addProperty("dModel", dModel);
        o.addProperty("dState", dState);
        o.addProperty("k", budget);
        o.addProperty("maxLen", maxLen);
        o.addProperty("hashBits", hashBits);
        o.addProperty("steps", steps);
        o.addProperty("batch", batch);
        o.addProperty("lr", lr);
        o.addProperty("warmup", warmup);
        o.addProperty("valEvery", valEvery);
        o.addProperty("valSamples", valSamples);
        o.addProperty("testSamples", testSamples);
        o.addProperty("dataSeed", dataSeed);
        return o;
    }

    /** One line for the table's caption, e.g. "Mamba-2, d_model 32, N 8, n_c 2..4, ...". */
    public String describe() {
        return String.format(java.util.Locale.ROOT,
                "%s, 2 layers, d_model %d, N %d; n_c %s, n_k %s (length %d..%d); k %d, maxLen %d, LSH %d bits; "
                        + "%d steps x batch %d, lr %s (warm-up %d), validation every %d on %d sequences, test on %d",
                backbone.label(), dModel, dState, range(task.minContexts(), task.maxContexts()),
                range(task.minKeys(), task.maxKeys()), 2 + 2 * task.minContexts() * (1 + 2 * task.minKeys()),
                task.maxLength(), budget, maxLen, hashBits, steps, batch, lr, warmup, valEvery, valSamples, testSamples);
    }

    private static String range(int a, int b) {
        return a == b ? Integer.toString(a) : a + ".." + b;
    }
}
