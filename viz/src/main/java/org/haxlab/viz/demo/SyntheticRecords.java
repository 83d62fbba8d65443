package org.haxlab.viz.demo;

import org.haxlab.model.inspect.Inspection;
import org.haxlab.model.inspect.QueryPrediction;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.task.Vocabulary;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.trace.Component;
import org.haxlab.model.trace.DecayTrace;
import org.haxlab.model.trace.LayerInspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plausible, deterministic inspection records with no model behind them, to fill the views for
 * screenshots ({@link VizDemo}) and tests. Nothing here is a model result: the token layout follows
 * spec §1, the selection mixes a sliding window, a sink and same-bucket keys in the shape a +HAX layer
 * produces, and the decay is a smooth random curve.
 */
public final class SyntheticRecords {
    private SyntheticRecords() {
    }

    /** A joint-recall sequence (spec §1 layout) for an n_c x n_k table, right-padded to {@code padTo}. */
    public static int[] jointRecallTokens(int contexts, int keys, int padTo, long seed) {
        Random rnd = new Random(seed);
        int[][] table = new int[contexts][keys];
        for (int[] row : table) {
            for (int k = 0; k < keys; k++) {
                row[k] = rnd.nextInt(Vocabulary.SLOTS);
            }
        }
        int length = 2 + 2 * contexts * (1 + 2 * keys);
        int[] out = new int[Math.max(length, padTo)];
        java.util.Arrays.fill(out, Vocabulary.PAD);
        int p = 0;
        out[p++] = Vocabulary.BOS;
        for (int part = 0; part < 2; part++) {
            if (part == 1) {
                out[p++] = Vocabulary.SEP;
            }
            for (int c : shuffled(contexts, rnd)) {
                out[p++] = Vocabulary.context(c);
                for (int k : shuffled(keys, rnd)) {
                    out[p++] = Vocabulary.key(k);
                    out[p++] = Vocabulary.value(table[c][k]);
                }
            }
        }
        return out;
    }

    private static int[] shuffled(int n, Random rnd) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** Positions of the inquiry keys (after SEP) in a token sequence. */
    public static int[] queryPositions(int[] tokens) {
        List<Integer> out = new ArrayList<>();
        boolean inquiry = false;
        for (int i = 0; i < tokens.length; i++) {
            inquiry |= tokens[i] == Vocabulary.SEP;
            int t = tokens[i];
            if (inquiry && t >= Vocabulary.KEY_BASE && t < Vocabulary.KEY_BASE + Vocabulary.SLOTS) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Random sign-bit bins in [0, bins) for every position. */
    public static int[] buckets(int length, int bins, long seed) {
        Random rnd = new Random(seed);
        int[] b = new int[length];
        for (int i = 0; i < length; i++) {
            b[i] = rnd.nextInt(bins);
        }
        return b;
    }

    /**
     * A +HAX-shaped selection: sink (key 0), a sliding window of {@code window} keys, and up to
     * {@code lshKeys} most recent earlier keys that share the query's bucket; random softmax weights.
     */
    public static AttentionSelection selection(int length, int window, int lshKeys, int[] qBucket, int[] kBucket,
                                               long seed) {
        Random rnd = new Random(seed);
        int[] offsets = new int[length + 1];
        List<int[]> entries = new ArrayList<>();
        List<Float> weights = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            java.util.TreeMap<Integer, Integer> row = new java.util.TreeMap<>();
            row.merge(0, Component.SINK.bit(), (a, b) -> a | b);
            for (int j = Math.max(0, i - window + 1); j <= i; j++) {
                row.merge(j, Component.WINDOW.bit(), (a, b) -> a | b);
            }
            int found = 0;
            for (int j = i; j >= 0 && found < lshKeys; j--) {
                if (kBucket[j] == qBucket[i]) {
                    row.merge(j, Component.LSH.bit(), (a, b) -> a | b);
                    found++;
                }
            }
            double[] raw = new double[row.size()];
            double sum = 0;
            for (int e = 0; e < raw.length; e++) {
                raw[e] = Math.exp(rnd.nextGaussian() * 1.5);
                sum += raw[e];
            }
            int e = 0;
            for (var kv : row.entrySet()) {
                entries.add(new int[] {kv.getKey(), kv.getValue()});
                weights.add((float) (raw[e++] / sum));
            }
            offsets[i + 1] = entries.size();
        }
        int[] keys = new int[entries.size()];
        int[] comps = new int[entries.size()];
        float[] w = new float[entries.size()];
        for (int e = 0; e < keys.length; e++) {
            keys[e] = entries.get(e)[0];
            comps[e] = entries.get(e)[1];
            w[e] = weights.get(e);
        }
        return new AttentionSelection(length, offsets, keys, comps, w);
    }

    /** A Mamba-2 decay trace: per head, dt follows a smooth random walk; A_h = -(h + 1) / 4. */
    public static DecayTrace mamba2Decay(int length, int heads, long seed) {
        Random rnd = new Random(seed);
        float[] dt = new float[length * heads];
        float[] logDecay = new float[length * heads];
        for (int h = 0; h < heads; h++) {
            double level = 0.05;
            for (int t = 0; t < length; t++) {
                level = Math.max(0.001, Math.min(0.5, level * Math.exp(rnd.nextGaussian() * 0.15)));
                dt[t * heads + h] = (float) level;
                logDecay[t * heads + h] = (float) (-level * (h + 1) / 4.0);
            }
        }
        return new DecayTrace(Backbone.MAMBA2, length, heads, heads, 1, dt, logDecay);
    }

    /** A Mamba-1 decay trace with {@code channels} channels of {@code dState} states, A = -(s + 1). */
    public static DecayTrace mamba1Decay(int length, int channels, int dState, long seed) {
        Random rnd = new Random(seed);
        float[] dt = new float[length * channels];
        float[] logDecay = new float[length * channels * dState];
        for (int c = 0; c < channels; c++) {
            double level = 0.02;
            for (int t = 0; t < length; t++) {
                level = Math.max(0.0005, Math.min(0.3, level * Math.exp(rnd.nextGaussian() * 0.2)));
                dt[t * channels + c] = (float) level;
                for (int s = 0; s < dState; s++) {
                    logDecay[t * channels * dState + c * dState + s] = (float) (-level * (s + 1));
                }
            }
        }
        return new DecayTrace(Backbone.MAMBA1, length, channels, channels * dState, dState, dt, logDecay);
    }

    /** Predictions at every inquiry key: correct with probability {@code accuracy}. */
    public static List<QueryPrediction> predictions(int[] tokens, double accuracy, long seed) {
        Random rnd = new Random(seed);
        List<QueryPrediction> out = new ArrayList<>();
        for (int p : queryPositions(tokens)) {
            int expected = tokens[p + 1];
            boolean ok = rnd.nextDouble() < accuracy;
            int predicted = ok ? expected : Vocabulary.value((expected - Vocabulary.VALUE_BASE + 1
                    + rnd.nextInt(Vocabulary.SLOTS - 1)) % Vocabulary.SLOTS);
            float conf = (float) (ok ? 0.5 + 0.5 * rnd.nextDouble() : 0.2 + 0.4 * rnd.nextDouble());
            float expProb = ok ? conf : (float) ((1 - conf) * rnd.nextDouble());
            float[] logits = new float[Vocabulary.SIZE];
            logits[predicted] = 5;
            logits[expected] += 2;
            out.add(new QueryPrediction(p, expected, predicted, conf, expProb, logits));
        }
        return out;
    }

    /** One +HAX layer of a Mamba-2 model over the given tokens. */
    public static LayerInspection layer(int index, int[] tokens, int bins, long seed) {
        int length = tokens.length;
        int[] qb = buckets(length, bins, seed);
        int[] kb = buckets(length, bins, seed + 1);
        float[] ks = new float[length];
        float[] attn = new float[length];
        float[] ssm = new float[length];
        Random rnd = new Random(seed + 2);
        for (int i = 0; i < length; i++) {
            ks[i] = (float) rnd.nextGaussian();
            attn[i] = (float) Math.abs(rnd.nextGaussian());
            ssm[i] = (float) (1 + Math.abs(rnd.nextGaussian()));
        }
        AttentionSelection sel = selection(length, 32, 32, qb, kb, seed + 3);
        return new LayerInspection(index, qb, kb, ks, sel, attn, ssm, mamba2Decay(length, 8, seed + 4));
    }

    /** A whole two-layer Mamba-2 +HAX inspection of one joint-recall sequence. */
    public static Inspection inspection(int contexts, int keys, int padTo, long seed) {
        int[] tokens = jointRecallTokens(contexts, keys, padTo, seed);
        List<LayerInspection> layers = List.of(layer(0, tokens, 256, seed + 10), layer(1, tokens, 256, seed + 20));
        List<QueryPrediction> preds = predictions(tokens, 0.8, seed + 30);
        int[] predictedAt = tokens.clone();
        for (QueryPrediction q : preds) {
            predictedAt[q.position()] = q.predicted();
        }
        return new Inspection(ModelConfig.paper(Backbone.MAMBA2, Pattern.HAX), tokens, layers, preds, predictedAt);
    }
}
