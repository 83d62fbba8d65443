package org.haxlab.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import org.haxlab.model.nn.ForwardOutput;
import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.task.Batch;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.trace.ForwardOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Evaluates a model (no gradients, the fixed evaluation projection) on a list of sequences. */
public final class Evaluator {

    private Evaluator() {
    }

    /**
     * Loss and accuracy of {@code model} on {@code sequences}, in batches of {@code batchSize}, each
     * padded to its longest sequence. Frees everything it creates.
     */
    @SuppressWarnings("try")
    public static EvalResult evaluate(SequenceModel model, List<RecallSequence> sequences, int batchSize) {
        if (sequences.isEmpty()) {
            throw new IllegalArgumentException("evaluate: no sequences");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("evaluate: batchSize=" + batchSize + " must be >= 1");
        }
        double ceSum = 0;
        double queries = 0;
        double accSum = 0;
        int accN = 0;
        Map<Long, double[]> cells = new TreeMap<>();
        for (int from = 0; from < sequences.size(); from += batchSize) {
            List<RecallSequence> chunk = sequences.subList(from, Math.min(sequences.size(), from + batchSize));
            int length = chunk.stream().mapToInt(RecallSequence::length).max().orElseThrow();
            try (NoGrad noGrad = NoGrad.of(model.params().manager().getEngine());
                 NDManager work = model.params().manager().newSubManager(); NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                Batch batch = Batch.of(chunk, length, work);
                ForwardOutput out = model.forward(batch.tokens(), ForwardOptions.eval());
                NDArray ce = Objective.crossEntropy(out.logits(), batch.targets()).mul(batch.lossMask());
                ceSum += ce.sum().getFloat();
                queries += batch.lossMask().sum().getFloat();
                float[][] cq = Objective.correctAndQueries(out.logits(), batch.targets(), batch.lossMask());
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
}
