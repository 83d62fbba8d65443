package org.haxlab.app.vm;

import org.haxlab.model.inspect.Inspection;
import org.haxlab.model.inspect.QueryPrediction;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.trace.Component;
import org.haxlab.model.trace.LayerInspection;

import java.util.ArrayList;
import java.util.List;

/** Hand-built inspections for view-model tests (no model runs). */
final class Inspections {

    private Inspections() {
    }

    /**
     * A sliding-window inspection where every query i selects keys i-1 and i (weights 0.25 / 0.75) in
     * every layer, and predicts {@code predicted[q]} at query q.
     */
    static Inspection window(RecallSequence s, int layers, int... predicted) {
        int n = s.length();
        int[] offsets = new int[n + 1];
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                keys.add(i - 1);
            }
            keys.add(i);
            offsets[i + 1] = keys.size();
        }
        int[] k = keys.stream().mapToInt(Integer::intValue).toArray();
        int[] comps = new int[k.length];
        float[] w = new float[k.length];
        for (int i = 0; i < n; i++) {
            for (int e = offsets[i]; e < offsets[i + 1]; e++) {
                comps[e] = Component.WINDOW.bit();
                w[e] = offsets[i + 1] - offsets[i] == 1 ? 1f : (k[e] == i ? 0.75f : 0.25f);
            }
        }
        AttentionSelection sel = new AttentionSelection(n, offsets, k, comps, w);
        List<LayerInspection> ls = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            ls.add(new LayerInspection(l, new int[0], new int[0], new float[0], sel, new float[n], new float[n], null));
        }
        List<QueryPrediction> preds = new ArrayList<>();
        for (int q = 0; q < s.queries(); q++) {
            int e = s.expected()[q];
            preds.add(new QueryPrediction(s.queryPositions()[q], e, predicted[q], 0.5f, predicted[q] == e ? 0.5f : 0.1f,
                    new float[100]));
        }
        ModelConfig c = ModelConfig.paper(Backbone.MAMBA2, Pattern.SW);
        return new Inspection(c, s.tokens(), ls, preds, new int[n]);
    }
}
