package org.haxlab.model.train;

import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.trace.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accuracy under several LSH projection draws (spec §5: with fresh draws at test time, test accuracy is an
 * expectation over draws; average several to report it). Draw 0 is what a single evaluation computes; every
 * further draw evaluates the same sequences again under other projections: a paper-variant model with other
 * per-batch draws, a causal-variant model with another fixed projection (its own is restored afterwards).
 *
 * @param draws one evaluation per draw, in order
 */
public record HashDrawEval(List<EvalResult> draws) {

    public HashDrawEval {
        if (draws == null || draws.isEmpty()) {
            throw new IllegalArgumentException("hash draws: at least one evaluation is required");
        }
        draws = List.copyOf(draws);
    }

    /**
     * Evaluates {@code model} under {@code count} projection draws. A model without an LSH component is
     * evaluated once (every draw would give the same numbers).
     *
     * @param padTo the fixed length for the released collation, or 0 ({@link Evaluator#evaluate})
     * @param seed  seed of the draws
     */
    public static HashDrawEval run(SequenceModel model, List<RecallSequence> sequences, int batchSize, int padTo,
                                   int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("hash draws: " + count + " must be >= 1");
        }
        boolean lsh = model.config().sparse().pattern().components().contains(Component.LSH);
        int n = lsh ? count : 1;
        boolean fresh = Evaluator.freshDraws(model);
        List<EvalResult> out = new ArrayList<>(n);
        try {
            for (int d = 0; d < n; d++) {
                long drawSeed = seed * 0x9E3779B97F4A7C15L + d;
                if (!fresh && d > 0) {
                    model.redrawProjection(drawSeed);
                }
                out.add(Evaluator.evaluate(model, sequences, batchSize, padTo, drawSeed));
            }
        } finally {
            if (!fresh && n > 1) {
                model.redrawProjection(model.config().initSeed());   // the model's own fixed projection again
            }
        }
        return new HashDrawEval(out);
    }

    /** Mean accuracy over the draws. */
    public double mean() {
        return draws.stream().mapToDouble(EvalResult::accuracy).average().orElse(Double.NaN);
    }

    /** Sample standard deviation of the draws' accuracies (0 for one draw). */
    public double std() {
        if (draws.size() < 2) {
            return 0;
        }
        double m = mean();
        double s = 0;
        for (EvalResult r : draws) {
            s += (r.accuracy() - m) * (r.accuracy() - m);
        }
        return Math.sqrt(s / (draws.size() - 1));
    }

    /** Lowest accuracy of a draw. */
    public double min() {
        return draws.stream().mapToDouble(EvalResult::accuracy).min().orElse(Double.NaN);
    }

    /** Highest accuracy of a draw. */
    public double max() {
        return draws.stream().mapToDouble(EvalResult::accuracy).max().orElse(Double.NaN);
    }

    /** Mean loss over the draws. */
    public double meanLoss() {
        return draws.stream().mapToDouble(EvalResult::loss).average().orElse(Double.NaN);
    }

    /** Per (n_c, n_k) accuracy averaged over the draws (every draw sees the same sequences). */
    public List<EvalResult.Cell> cells() {
        Map<Long, double[]> sums = new TreeMap<>();
        for (EvalResult r : draws) {
            for (EvalResult.Cell c : r.cells()) {
                double[] v = sums.computeIfAbsent(((long) c.contexts() << 32) | c.keys(), k -> new double[2]);
                v[0] += c.accuracy();
                v[1] = c.samples();
            }
        }
        List<EvalResult.Cell> out = new ArrayList<>();
        sums.forEach((key, v) -> out.add(new EvalResult.Cell((int) (key >>> 32), (int) (long) key, (int) v[1],
                v[0] / draws.size())));
        return out;
    }
}
