package org.haxlab.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import org.haxlab.model.nd.HostReads;
import org.haxlab.model.nn.ForwardOutput;
import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.task.Batch;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.trace.Component;
import org.haxlab.model.trace.ForwardOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evaluates a model (no gradients) on a list of sequences. A causal-variant model hashes with its fixed
 * projection; a paper-variant model draws a fresh projection for every batch, as the released code draws one
 * on every forward, test time included (spec §5), so its accuracy is one sample of an expectation over draws.
 */
public final class Evaluator {

    /** The draw seed of {@link #evaluate(SequenceModel, List, int)}. */
    public static final long DEFAULT_DRAW_SEED = 0x5EED_D4A7L;

    private Evaluator() {
    }

    /**
     * Loss and accuracy of {@code model} on {@code sequences}, in batches of {@code batchSize}, each padded to
     * its longest sequence; paper-variant draws from {@link #DEFAULT_DRAW_SEED}. Frees everything it creates.
     */
    public static EvalResult evaluate(SequenceModel model, List<RecallSequence> sequences, int batchSize) {
        return evaluate(model, sequences, batchSize, 0, DEFAULT_DRAW_SEED);
    }

    /**
     * Loss and accuracy of {@code model} on {@code sequences}, in batches of {@code batchSize}.
     *
     * @param padTo    0: each batch padded to its longest sequence; else the task's fixed length and the
     *                 released collation ({@link Batch#released})
     * @param drawSeed seed of a paper-variant model's per-batch projections (batch i draws from a seed derived
     *                 from this and i); ignored by the causal variant
     */
    @SuppressWarnings("try")
    public static EvalResult evaluate(SequenceModel model, List<RecallSequence> sequences, int batchSize, int padTo,
                                      long drawSeed) {
        if (sequences.isEmpty()) {
            throw new IllegalArgumentException("evaluate: no sequences");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("evaluate: batchSize=" + batchSize + " must be >= 1");
        }
        boolean freshDraws = freshDraws(model);
        double ceSum = 0;
        double queries = 0;
        double accSum = 0;
        int accN = 0;
        Map<Long, double[]> cells = new TreeMap<>();
        for (int from = 0; from < sequences.size(); from += batchSize) {
            List<RecallSequence> chunk = sequences.subList(from, Math.min(sequences.size(), from + batchSize));
            int length = chunk.stream().mapToInt(RecallSequence::length).max().orElseThrow();
            ForwardOptions options = freshDraws ? ForwardOptions.evalFresh(drawSeed * 0x9E3779B97F4A7C15L + from)
                    : ForwardOptions.eval();
            try (NoGrad noGrad = NoGrad.of(model.params().manager().getEngine());
                 NDManager work = model.params().manager().newSubManager(); NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                Batch batch = padTo > 0 ? Batch.released(chunk, padTo, work) : Batch.of(chunk, length, work);
                ForwardOutput out = model.forward(batch.tokens(), options);
                NDArray ce = Objective.crossEntropy(out.logits(), batch.targets()).mul(batch.lossMask());
                // one read per batch: CE sum, query count, then per-sample correct and query counts
                float[] read = HostReads.floats(ce.sum().reshape(1).concat(batch.lossMask().sum().reshape(1), 0)
                        .concat(Objective.correctAndQueriesOnDevice(out.logits(), batch.targets(), batch.lossMask()), 0));
                ceSum += read[0];
                queries += read[1];
                float[][] cq = Objective.split(java.util.Arrays.copyOfRange(read, 2, read.length));
                for (int s = 0; s < chunk.size(); s++) {
                    if (cq[1][s] > 0) {
                        double acc = cq[0][s] / cq[1][s];
                        accSum += acc;
                        accN++;
                        RecallSequence seq = chunk.get(s);
                        double[] cell = cells.computeIfAbsent(((long) seq.contexts() << 32) | seq.keys(), k -> new double[2]);
                        cell[0] += acc;
                        cell[1]++;
                    }
                }
            }
        }
        List<EvalResult.Cell> list = new ArrayList<>();
        cells.forEach((key, v) -> list.add(new EvalResult.Cell((int) (key >>> 32), (int) (long) key,
                (int) v[1], v[0] / v[1])));
        return new EvalResult(queries == 0 ? Double.NaN : ceSum / queries, accN == 0 ? Double.NaN : accSum / accN,
                sequences.size(), List.copyOf(list));
    }

    /** Whether evaluating {@code model} draws fresh LSH projections: the paper variant with an LSH component. */
    public static boolean freshDraws(SequenceModel model) {
        SparseConfig s = model.config().sparse();
        return s.variant() == SparseConfig.Variant.PAPER && s.pattern().components().contains(Component.LSH);
    }
}
