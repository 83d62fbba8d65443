package org.haxlab.model.inspect;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import org.haxlab.model.nd.HostReads;
import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.trace.ForwardOptions;
import org.haxlab.model.trace.LayerInspection;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one sequence through a model with a trace and collects everything the views show: the layers'
 * inspections and the prediction at every inquiry key position (spec §1: the target there is the value
 * that follows). Evaluation mode, so LSH uses the model's fixed projection.
 */
public final class Inspector {

    private Inspector() {
    }

    /**
     * Inspects {@code sequence} (unpadded, batch size 1).
     *
     * @throws IllegalArgumentException when a token or an expected value is outside the model's vocabulary
     */
    public static Inspection inspect(SequenceModel model, RecallSequence sequence) {
        int len = sequence.length();
        int vocab = model.config().vocabSize();
        long[] ids = new long[len];
        for (int i = 0; i < len; i++) {
            int t = sequence.token(i);
            if (t < 0 || t >= vocab) {
                throw new IllegalArgumentException("inspect: token " + t + " at position " + i
                        + " is outside the vocabulary of " + vocab);
            }
            ids[i] = t;
        }
        List<LayerInspection> layers = new ArrayList<>();
        float[] logits;
        NDManager manager = model.params().manager();
        try (NDScope scope = new NDScope()) {
            logits = HostReads.floats(model.forward(manager.create(ids, new Shape(1, len)),
                    ForwardOptions.inspect(layers::add)).logits());
        }
        int[] predictedAt = new int[len];
        for (int i = 0; i < len; i++) {
            predictedAt[i] = argmax(logits, i * vocab, vocab);
        }
        int[] positions = sequence.queryPositions();
        int[] expected = sequence.expected();
        List<QueryPrediction> predictions = new ArrayList<>(positions.length);
        for (int q = 0; q < positions.length; q++) {
            predictions.add(predict(logits, positions[q], vocab, expected[q]));
        }
        return new Inspection(model.config(), sequence.tokens(), List.copyOf(layers), List.copyOf(predictions),
                predictedAt);
    }

    private static QueryPrediction predict(float[] logits, int position, int vocab, int expected) {
        if (expected < 0 || expected >= vocab) {
            throw new IllegalArgumentException("inspect: expected token " + expected + " at query position " + position
                    + " is outside the vocabulary of " + vocab);
        }
        int base = position * vocab;
        int best = argmax(logits, base, vocab);
        // Softmax in double, shifted by the maximum so no exponent overflows.
        double max = logits[base + best];
        double sum = 0;
        for (int v = 0; v < vocab; v++) {
            sum += Math.exp(logits[base + v] - max);
        }
        float[] row = new float[vocab];
        System.arraycopy(logits, base, row, 0, vocab);
        return new QueryPrediction(position, expected, best, (float) (1 / sum),
                (float) (Math.exp(logits[base + expected] - max) / sum), row);
    }

    private static int argmax(float[] a, int from, int count) {
        int best = 0;
        for (int i = 1; i < count; i++) {
            if (a[from + i] > a[from + best]) {
                best = i;
            }
        }
        return best;
    }
}
