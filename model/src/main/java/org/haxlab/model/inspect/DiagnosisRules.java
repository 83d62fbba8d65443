package org.haxlab.model.inspect;

import org.haxlab.model.task.Vocabulary;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Component;
import org.haxlab.model.trace.LayerInspection;

import java.util.List;
import java.util.Locale;

/** The facts and the rule order behind {@link RecallDiagnosis}; package-private so the record stays readable. */
final class DiagnosisRules {

    /** A reason and its sentence. */
    record Verdict(RecallDiagnosis.Reason reason, String sentence) {
    }

    private DiagnosisRules() {
    }

    /** What {@code layer} did with source position {@code v} for query {@code q}. */
    static RecallDiagnosis.LayerFact fact(LayerInspection layer, boolean attention, int q, int v) {
        AttentionSelection sel = layer.selection();
        boolean hasRow = attention && sel != null && q < sel.length();
        boolean selected = false;
        int components = 0;
        float weight = Float.NaN;
        int rank = 0;
        int rowKeys = 0;
        int heaviest = -1;
        float heaviestWeight = Float.NaN;
        float cutoff = Float.NaN;
        if (hasRow) {
            rowKeys = sel.count(q);
            int e = sel.find(q, v);
            selected = e >= 0;
            if (selected) {
                components = sel.components()[e];
                weight = sel.weights()[e];
                rank = 1;
            }
            for (int i = sel.offsets()[q]; i < sel.offsets()[q + 1]; i++) {
                float w = sel.weights()[i];
                if (heaviest < 0 || w > heaviestWeight) {
                    heaviest = sel.keys()[i];
                    heaviestWeight = w;
                }
                if (selected && w > weight) {
                    rank++;
                }
                // KS keeps the top-k_c scores: the lowest score it kept is the bar this query set
                if (layer.hasScores() && Component.KS.in(sel.components()[i])) {
                    float s = layer.ksScore(sel.keys()[i]);
                    cutoff = Float.isNaN(cutoff) ? s : Math.min(cutoff, s);
                }
            }
        }
        int qb = hasRow && layer.hasBuckets() ? layer.qBucket(q) : -1;
        int kb = hasRow && layer.hasBuckets() ? layer.kBucket(v) : -1;
        float score = hasRow && layer.hasScores() ? layer.ksScore(v) : Float.NaN;
        double retention = layer.decay() != null && q < layer.decay().length() ? layer.decay().maxRetention(v, q)
                : Double.NaN;
        return new RecallDiagnosis.LayerFact(layer.layer(), hasRow, selected, components, weight, rank, rowKeys,
                heaviest, heaviestWeight, qb, kb, score, cutoff, retention);
    }

    /** The first reason the facts support, in the order of {@link RecallDiagnosis}. */
    static Verdict judge(QueryPrediction p, AnswerSource source, List<RecallDiagnosis.LayerFact> facts,
                         double threshold, int[] tokens) {
        String expected = Vocabulary.name(p.expected());
        if (p.correct()) {
            return new Verdict(RecallDiagnosis.Reason.CORRECT, String.format(Locale.ROOT,
                    "answered %s correctly (%.0f%% confidence)", expected, 100.0 * p.confidence()));
        }
        String wrong = String.format(Locale.ROOT, "predicted %s instead of %s (%.0f%%; %s had %.0f%%)",
                Vocabulary.name(p.predicted()), expected, 100.0 * p.confidence(), expected, 100.0 * p.expectedProb());
        if (!source.found()) {
            return new Verdict(RecallDiagnosis.Reason.NO_SOURCE, wrong + ": the question is defined nowhere before it");
        }
        int v = source.valuePosition();
        String at = "the answer at position " + v;
        double kept = maxRetention(facts);
        String decay = Double.isNaN(kept) ? "" : String.format(Locale.ROOT, "; the SSM state kept at most %.2g of it", kept);
        RecallDiagnosis.LayerFact best = null;
        for (RecallDiagnosis.LayerFact f : facts) {
            if (f.selected() && (best == null || f.rank() < best.rank())) {
                best = f;
            }
        }
        if (best != null) {
            if (best.rank() > 1) {
                return new Verdict(RecallDiagnosis.Reason.OUTWEIGHED, String.format(Locale.ROOT,
                        "%s: layer %d selected %s (weight %.2f, rank %d of %d) but position %d ('%s') weighed more (%.2f)",
                        wrong, best.layer(), at, best.weight(), best.rank(), best.rowKeys(), best.heaviestKey(),
                        name(tokens, best.heaviestKey()), best.heaviestWeight()));
            }
            return new Verdict(RecallDiagnosis.Reason.MISREAD, String.format(Locale.ROOT,
                    "%s although layer %d gave %s its largest weight (%.2f)", wrong, best.layer(), at, best.weight()));
        }
        List<RecallDiagnosis.LayerFact> attn = facts.stream().filter(RecallDiagnosis.LayerFact::attention).toList();
        if (!attn.isEmpty()) {
            List<RecallDiagnosis.LayerFact> hashed = attn.stream().filter(f -> f.queryBucket() >= 0).toList();
            if (!hashed.isEmpty() && hashed.stream().allMatch(RecallDiagnosis.LayerFact::otherBucket)) {
                RecallDiagnosis.LayerFact f = hashed.get(0);
                return new Verdict(RecallDiagnosis.Reason.OTHER_BUCKET, String.format(Locale.ROOT,
                        "%s: %s fell in another LSH bucket (layer %d: query bucket %d, answer bucket %d)%s",
                        wrong, at, f.layer(), f.queryBucket(), f.sourceBucket(), decay));
            }
            List<RecallDiagnosis.LayerFact> scored = attn.stream().filter(f -> !Float.isNaN(f.sourceScore())
                    && !Float.isNaN(f.cutoff())).toList();
            if (!scored.isEmpty() && scored.stream().allMatch(RecallDiagnosis.LayerFact::belowCutoff)) {
                RecallDiagnosis.LayerFact f = scored.get(0);
                return new Verdict(RecallDiagnosis.Reason.BELOW_KS_CUTOFF, String.format(Locale.ROOT,
                        "%s: KS scored %s below the query's cutoff (layer %d: %.3f < %.3f)%s",
                        wrong, at, f.layer(), f.sourceScore(), f.cutoff(), decay));
            }
            boolean sameBucket = hashed.stream().anyMatch(f -> !f.otherBucket());
            return new Verdict(RecallDiagnosis.Reason.NOT_SELECTED, wrong + ": no attention layer selected " + at
                    + (sameBucket ? " (same LSH bucket, but more recent keys of that bucket filled the budget)"
                    : " (it lies outside the pattern's positions)") + decay);
        }
        if (!Double.isNaN(kept) && kept < threshold) {
            return new Verdict(RecallDiagnosis.Reason.STATE_DECAYED, String.format(Locale.ROOT,
                    "%s: the SSM state kept at most %.2g of %s by position %d (threshold %.2g)",
                    wrong, kept, at, p.position(), threshold));
        }
        if (Double.isNaN(kept)) {
            return new Verdict(RecallDiagnosis.Reason.UNEXPLAINED, wrong
                    + ": the inspection recorded no attention and no state decay to say why");
        }
        return new Verdict(RecallDiagnosis.Reason.MISREAD, wrong + String.format(Locale.ROOT,
                " although the SSM state still held %.2g of %s (threshold %.2g): the readout failed, not the memory",
                kept, at, threshold));
    }

    private static double maxRetention(List<RecallDiagnosis.LayerFact> facts) {
        double best = Double.NaN;
        for (RecallDiagnosis.LayerFact f : facts) {
            if (!Double.isNaN(f.retention())) {
                best = Double.isNaN(best) ? f.retention() : Math.max(best, f.retention());
            }
        }
        return best;
    }

    private static String name(int[] tokens, int position) {
        return position >= 0 && position < tokens.length ? Vocabulary.name(tokens[position]) : "?";
    }
}
