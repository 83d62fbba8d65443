package org.haxlab.model.inspect;

import com.google.gson.stream.JsonWriter;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.task.Vocabulary;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Component;
import org.haxlab.model.trace.DecayTrace;
import org.haxlab.model.trace.LayerInspection;
import org.haxlab.model.trace.SelectionVectors;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an {@link Inspection} as the documented JSON object of {@code haxlab inspect}
 * (format {@value #FORMAT}; the layout is described in docs/INSPECT_JSON.md).
 *
 * <p>Per-position arrays ({@code q_bucket}, {@code k_bucket}, {@code ks_score}, {@code selected},
 * {@code attn_norm}, {@code ssm_norm}, {@code decay.dt}, {@code decay.log_decay}) are aligned with
 * the top-level {@code positions} list, so choosing a few positions keeps a long sequence short.
 * Streams through a {@link JsonWriter}: a 1058-long HAX inspection never exists as one string.
 */
public final class InspectionJson {

    /** Format tag written as {@code "format"}. */
    public static final String FORMAT = "haxlab-inspection/1";

    /**
     * What to write.
     *
     * @param layers     layer indices to include (empty = all)
     * @param positions  positions to include, ascending (empty = all)
     * @param fullDecay  Mamba-1 only: every channel x state unit instead of the per-channel mean over states
     * @param vectors    per layer with a branch, every position's Q and K row and the projection in use
     */
    public record Options(List<Integer> layers, List<Integer> positions, boolean fullDecay, boolean vectors) {
        public Options {
            layers = List.copyOf(layers);
            positions = List.copyOf(positions);
        }

        /** Without the vectors. */
        public Options(List<Integer> layers, List<Integer> positions, boolean fullDecay) {
            this(layers, positions, fullDecay, false);
        }

        /** Everything, per-channel decay means for Mamba-1. */
        public static Options all() {
            return new Options(List.of(), List.of(), false);
        }
    }

    /** {@code empty_rows} value: a query with no selected key reads nothing (zero attention output). */
    public static final String EMPTY_ROWS_ZERO = "zero";

    /** {@code empty_rows} value: it reads every position uniformly, future included (paper variant, spec §5). */
    public static final String EMPTY_ROWS_READ_ALL = "read_all_positions_including_future";

    private InspectionJson() {
    }

    /**
     * Writes {@code inspection} to {@code out} (not closed).
     *
     * @throws IllegalArgumentException when an option names a layer or position the inspection does not have
     */
    public static void write(Inspection inspection, Options options, Writer out) throws IOException {
        List<Integer> layers = resolve(options.layers(), inspection.layers().size(), "layer");
        List<Integer> positions = resolve(options.positions(), inspection.length(), "position");
        JsonWriter w = new JsonWriter(out);
        w.setIndent(" ");
        w.beginObject();
        w.name("format").value(FORMAT);
        writeModel(w, inspection.config());
        w.name("length").value(inspection.length());
        w.name("tokens").beginArray();
        for (int id : inspection.tokens()) {
            w.value(id);
        }
        w.endArray();
        w.name("token_text").beginArray();
        for (int id : inspection.tokens()) {
            w.value(Vocabulary.name(id));
        }
        w.endArray();
        w.name("positions").beginArray();
        for (int p : positions) {
            w.value(p);
        }
        w.endArray();
        w.name("layers").beginArray();
        for (int l : layers) {
            writeLayer(w, inspection.layers().get(l), positions, options);
        }
        w.endArray();
        writePredictions(w, inspection.predictions());
        w.endObject();
        w.flush();
    }

    private static List<Integer> resolve(List<Integer> chosen, int size, String what) {
        if (chosen.isEmpty()) {
            List<Integer> all = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                all.add(i);
            }
            return all;
        }
        for (int v : chosen) {
            if (v < 0 || v >= size) {
                throw new IllegalArgumentException(what + " " + v + " does not exist (have 0.." + (size - 1) + ")");
            }
        }
        return chosen;
    }

    private static void writeModel(JsonWriter w, ModelConfig c) throws IOException {
        SparseConfig s = c.sparse();
        w.name("model").beginObject();
        w.name("label").value(c.label());
        w.name("backbone").value(c.backbone().id());
        w.name("pattern").value(s.pattern().id());
        w.name("d_model").value(c.dModel());
        w.name("layers").value(c.layers());
        w.name("d_state").value(c.dState());
        w.name("k").value(s.budget());
        w.name("hash_bits").value(s.hashBits());
        w.name("lsh_rule").value(s.lshRule().name().toLowerCase());
        w.name("variant").value(s.variant().name().toLowerCase());
        w.name("path").value(s.path().name().toLowerCase());
        w.name("init_seed").value(c.initSeed());
        w.name("init").value(c.init().cliName());
        w.endObject();
    }

    private static void writeLayer(JsonWriter w, LayerInspection layer, List<Integer> positions, Options options)
            throws IOException {
        w.beginObject();
        w.name("layer").value(layer.layer());
        w.name("empty_rows").value(layer.emptyRowsReadEverything() ? EMPTY_ROWS_READ_ALL : EMPTY_ROWS_ZERO);
        w.name("q_bucket").beginArray();
        for (int p : positions) {
            if (layer.hasBuckets()) {
                w.value(layer.qBucket(p));
            } else {
                w.nullValue();
            }
        }
        w.endArray();
        w.name("k_bucket").beginArray();
        for (int p : positions) {
            if (layer.hasBuckets()) {
                w.value(layer.kBucket(p));
            } else {
                w.nullValue();
            }
        }
        w.endArray();
        w.name("ks_score").beginArray();
        for (int p : positions) {
            if (layer.hasScores()) {
                w.value(layer.ksScore(p));
            } else {
                w.nullValue();
            }
        }
        w.endArray();
        AttentionSelection sel = layer.selection();
        w.name("selected").beginArray();
        for (int p : positions) {
            w.beginArray();
            if (p < sel.length()) {
                for (int e = sel.offsets()[p]; e < sel.offsets()[p + 1]; e++) {
                    w.beginObject();
                    w.name("key").value(sel.keys()[e]);
                    w.name("components").beginArray();
                    for (Component c : Component.values()) {
                        if (c.in(sel.components()[e])) {
                            w.value(c.id());
                        }
                    }
                    w.endArray();
                    w.name("weight").value(sel.weights()[e]);
                    w.endObject();
                }
            }
            w.endArray();
        }
        w.endArray();
        writeFloats(w, "attn_norm", layer.attnNorm(), positions);
        writeFloats(w, "ssm_norm", layer.ssmNorm(), positions);
        writeDecay(w, layer.decay(), positions, options.fullDecay());
        if (options.vectors()) {
            writeVectors(w, layer.vectors());
        }
        w.endObject();
    }

    /**
     * Every position's Q and K row (K divided by sqrt(N), as attended and scored) and the N x h projection the
     * pass hashed with: all L rows whatever the positions option, because a paper-variant bin or score depends
     * on every position. Null for a layer without a branch.
     */
    private static void writeVectors(JsonWriter w, SelectionVectors v) throws IOException {
        w.name("vectors");
        if (v == null) {
            w.nullValue();
            return;
        }
        w.beginObject();
        w.name("variant").value(v.paperVariant() ? "paper" : "causal");
        w.name("d_state").value(v.dState());
        writeRows(w, "q", v.q(), v.length(), v.dState());
        writeRows(w, "k", v.k(), v.length(), v.dState());
        w.name("hash_width").value(v.hashWidth());
        if (v.hasProjection()) {
            writeRows(w, "projection", v.projection(), v.dState(), v.hashWidth());
        } else {
            w.name("projection").nullValue();
        }
        w.endObject();
    }

    private static void writeRows(JsonWriter w, String name, float[] values, int rows, int cols) throws IOException {
        w.name(name).beginArray();
        for (int r = 0; r < rows; r++) {
            w.beginArray();
            for (int c = 0; c < cols; c++) {
                w.value(values[r * cols + c]);
            }
            w.endArray();
        }
        w.endArray();
    }

    private static void writeFloats(JsonWriter w, String name, float[] values, List<Integer> positions)
            throws IOException {
        w.name(name).beginArray();
        for (int p : positions) {
            if (p < values.length) {
                w.value(values[p]);
            } else {
                w.nullValue();
            }
        }
        w.endArray();
    }

    private static void writeDecay(JsonWriter w, DecayTrace d, List<Integer> positions, boolean fullDecay)
            throws IOException {
        boolean perState = d.units() != d.dtUnits();
        boolean mean = perState && !fullDecay;
        w.name("decay").beginObject();
        w.name("unit").value(perState ? (mean ? "channel (mean over states)" : "channel*state") : "head");
        w.name("units").value(mean ? d.dtUnits() : d.units());
        w.name("dt").beginArray();
        for (int p : positions) {
            w.beginArray();
            for (int u = 0; u < d.dtUnits(); u++) {
                w.value(d.dt(p, u));
            }
            w.endArray();
        }
        w.endArray();
        w.name("log_decay").beginArray();
        for (int p : positions) {
            w.beginArray();
            if (mean) {
                int n = d.dState();
                for (int ch = 0; ch < d.dtUnits(); ch++) {
                    double s = 0;
                    for (int st = 0; st < n; st++) {
                        s += d.logDecay(p, ch * n + st);
                    }
                    w.value(s / n);
                }
            } else {
                for (int u = 0; u < d.units(); u++) {
                    w.value(d.logDecay(p, u));
                }
            }
            w.endArray();
        }
        w.endArray();
        w.endObject();
    }

    private static void writePredictions(JsonWriter w, List<QueryPrediction> predictions) throws IOException {
        w.name("predictions").beginArray();
        for (QueryPrediction q : predictions) {
            w.beginObject();
            w.name("position").value(q.position());
            w.name("expected").value(q.expected());
            w.name("expected_text").value(Vocabulary.name(q.expected()));
            w.name("predicted").value(q.predicted());
            w.name("predicted_text").value(Vocabulary.name(q.predicted()));
            w.name("confidence").value(q.confidence());
            w.name("expected_prob").value(q.expectedProb());
            w.name("correct").value(q.correct());
            w.endObject();
        }
        w.endArray();
    }
}
