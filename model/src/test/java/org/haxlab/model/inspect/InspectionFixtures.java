package org.haxlab.model.inspect;

import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.task.SequenceText;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.trace.Component;
import org.haxlab.model.trace.DecayTrace;
import org.haxlab.model.trace.LayerInspection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Hand-built inspections of the spec §1 example, for tests that must not run a model. */
final class InspectionFixtures {
    /** The spec §1 example; queries at 13, 15, 18, 20 with answers at 10, 8, 5, 3. */
    static final RecallSequence SPEC = SequenceText.parse("A a 3 b 2 B b 4 a 1 | B a ? b ? A b ? a ?").sequence();

    private InspectionFixtures() {
    }

    /** A selection builder: rows of (key, component mask, weight). */
    static final class Rows {
        private final int length;
        private final Map<Integer, TreeMap<Integer, float[]>> rows = new TreeMap<>();

        Rows(int length) {
            this.length = length;
        }

        Rows add(int query, int key, Component c, float weight) {
            rows.computeIfAbsent(query, q -> new TreeMap<>()).merge(key, new float[]{c.bit(), weight},
                    (a, b) -> new float[]{(int) a[0] | (int) b[0], a[1]});
            return this;
        }

        AttentionSelection build() {
            int[] offsets = new int[length + 1];
            List<int[]> entries = new ArrayList<>();
            List<Float> weights = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                for (Map.Entry<Integer, float[]> e : rows.getOrDefault(i, new TreeMap<>()).entrySet()) {
                    entries.add(new int[]{e.getKey(), (int) e.getValue()[0]});
                    weights.add(e.getValue()[1]);
                }
                offsets[i + 1] = entries.size();
            }
            int[] keys = entries.stream().mapToInt(e -> e[0]).toArray();
            int[] comps = entries.stream().mapToInt(e -> e[1]).toArray();
            float[] w = new float[weights.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = weights.get(i);
            }
            return new AttentionSelection(length, offsets, keys, comps, w);
        }
    }

    /** A one-unit Mamba-2 decay trace with the same log decay at every step. */
    static DecayTrace decay(int length, float logDecay) {
        float[] dt = new float[length];
        float[] ld = new float[length];
        Arrays.fill(dt, 1f);
        Arrays.fill(ld, logDecay);
        return new DecayTrace(Backbone.MAMBA2, length, 1, 1, 32, dt, ld);
    }

    static LayerInspection layer(int index, AttentionSelection sel, int[] qb, int[] kb, float[] ks, DecayTrace decay) {
        int n = SPEC.length();
        return new LayerInspection(index, qb, kb, ks, sel, new float[n], new float[n], decay);
    }

    /** Predictions at the spec example's queries: {@code predicted[q]} for query q, expected from the sequence. */
    static List<QueryPrediction> predictions(int... predicted) {
        List<QueryPrediction> out = new ArrayList<>();
        for (int q = 0; q < SPEC.queries(); q++) {
            int expected = SPEC.expected()[q];
            boolean right = predicted[q] == expected;
            out.add(new QueryPrediction(SPEC.queryPositions()[q], expected, predicted[q], right ? 0.9f : 0.6f,
                    right ? 0.9f : 0.2f, new float[100]));
        }
        return out;
    }

    static Inspection inspection(Pattern pattern, List<LayerInspection> layers, List<QueryPrediction> predictions) {
        return new Inspection(ModelConfig.paper(Backbone.MAMBA2, pattern), SPEC.tokens(), layers, predictions,
                new int[SPEC.length()]);
    }
}
