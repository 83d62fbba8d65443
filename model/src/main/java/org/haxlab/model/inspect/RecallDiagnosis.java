package org.haxlab.model.inspect;

import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.task.Vocabulary;
import org.haxlab.model.trace.LayerInspection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Why one query was answered as it was: expected vs predicted, confidence and, for a wrong answer,
 * the first reason the evidence supports, with the per-layer facts behind it.
 *
 * <p>Evidence is read in this order (spec §3): did any attention layer select the answer's value
 * position? If not, did LSH hash it into another bucket than the query, or did KS score it below
 * the query's cutoff? Without attention, did the SSM state retention from the value to the query
 * fall below a threshold? If it was selected, did other keys outweigh it?
 *
 * @param position     the query position (inquiry key, where loss is taken)
 * @param expected     the true value token
 * @param predicted    the argmax token
 * @param confidence   softmax probability of the predicted token
 * @param expectedProb softmax probability of the expected token
 * @param source       where the answer was defined
 * @param reason       the first reason the evidence supports ({@link Reason#CORRECT} for a right answer)
 * @param explanation  the reason as one human sentence
 * @param layers       the facts of every layer, in layer order
 */
public record RecallDiagnosis(int position, int expected, int predicted, float confidence, float expectedProb,
                              AnswerSource source, Reason reason, String explanation, List<LayerFact> layers) {

    /** Retention below which the SSM is said to have forgotten the answer. */
    public static final double DEFAULT_RETENTION_THRESHOLD = 1e-3;

    public RecallDiagnosis {
        if (source == null || reason == null || explanation == null) {
            throw new IllegalArgumentException("recall diagnosis: source, reason and explanation are required");
        }
        layers = List.copyOf(layers);
    }

    /** Why a query was answered right or wrong. */
    public enum Reason {
        /** The prediction is the expected value. */
        CORRECT("correct"),
        /** The query's (context path, key) is defined nowhere before it. */
        NO_SOURCE("no source"),
        /** No attention layer selected the answer's position (window, sink or dilation missed it). */
        NOT_SELECTED("not selected"),
        /** Every LSH layer hashed the answer into another bucket than the query. */
        OTHER_BUCKET("other LSH bucket"),
        /** Every KS layer scored the answer below the query's selection cutoff. */
        BELOW_KS_CUTOFF("below KS cutoff"),
        /** No attention, and the SSM state kept less than the threshold of the answer. */
        STATE_DECAYED("state decayed"),
        /** Selected, but other keys carried more attention weight. */
        OUTWEIGHED("selected but outweighed"),
        /** The evidence reached the query (heaviest selected key, or retained state) and the output is still wrong. */
        MISREAD("reached but misread"),
        /** Wrong, and the inspection holds neither attention rows nor decay traces to tell why. */
        UNEXPLAINED("no evidence");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        /** Short label for tables. */
        public String label() {
            return label;
        }
    }

    /**
     * What one layer did with the answer's value position for this query. Missing facts are -1 (ints)
     * or NaN (floats).
     *
     * @param layer          layer index
     * @param attention      true when the layer has a sparse branch with a row for this query
     * @param selected       true when the query selected the value position
     * @param components     {@link org.haxlab.model.trace.Component} bit mask that selected it (0 when not)
     * @param weight         its softmax weight (NaN when not selected)
     * @param rank           1 = heaviest key of the row; 0 when not selected
     * @param rowKeys        keys the query selected in this layer
     * @param heaviestKey    the position with the largest weight in the row (-1 for an empty row)
     * @param heaviestWeight that weight (NaN for an empty row)
     * @param queryBucket    LSH bucket of the query (-1 without LSH)
     * @param sourceBucket   LSH bucket of the value position as a key (-1 without LSH)
     * @param sourceScore    KS score of the value position (NaN without KS)
     * @param cutoff         lowest KS score among the keys KS selected for this query (NaN without KS keys)
     * @param retention      largest SSM retention from the value position to the query (NaN without a decay trace)
     */
    public record LayerFact(int layer, boolean attention, boolean selected, int components, float weight, int rank,
                            int rowKeys, int heaviestKey, float heaviestWeight, int queryBucket, int sourceBucket,
                            float sourceScore, float cutoff, double retention) {

        /** True when this layer hashed both and the buckets differ. */
        public boolean otherBucket() {
            return queryBucket >= 0 && sourceBucket >= 0 && queryBucket != sourceBucket;
        }

        /** True when this layer scored the source below the query's KS cutoff. */
        public boolean belowCutoff() {
            return !Float.isNaN(sourceScore) && !Float.isNaN(cutoff) && sourceScore < cutoff;
        }
    }

    /** True when the prediction is right. */
    public boolean correct() {
        return expected == predicted;
    }

    /** Diagnoses every query with {@link #DEFAULT_RETENTION_THRESHOLD}. */
    public static List<RecallDiagnosis> of(Inspection inspection, RecallSequence sequence) {
        return of(inspection, sequence, DEFAULT_RETENTION_THRESHOLD);
    }

    /**
     * Diagnoses every query of {@code inspection} (one row per prediction, in its order).
     *
     * @param sequence           the sequence the inspection ran on (its tokens must match)
     * @param retentionThreshold retention below which the state is said to have forgotten (e.g. 1e-3)
     * @throws IllegalArgumentException when the sequence is not the one inspected or the threshold is not in (0, 1)
     */
    public static List<RecallDiagnosis> of(Inspection inspection, RecallSequence sequence, double retentionThreshold) {
        if (!(retentionThreshold > 0 && retentionThreshold < 1)) {
            throw new IllegalArgumentException("retention threshold " + retentionThreshold + " must lie in (0, 1)");
        }
        if (!ranOn(inspection, sequence)) {
            throw new IllegalArgumentException("the inspection ran on other tokens than this sequence ("
                    + inspection.length() + " vs " + sequence.length() + " tokens)");
        }
        Map<Integer, AnswerSource> sources = new HashMap<>();
        for (AnswerSource s : AnswerSource.of(sequence)) {
            sources.put(s.query(), s);
        }
        boolean attention = inspection.config() != null && inspection.config().sparse().pattern().hasAttention();
        List<RecallDiagnosis> out = new ArrayList<>(inspection.predictions().size());
        int[] tokens = inspection.tokens();
        for (QueryPrediction p : inspection.predictions()) {
            AnswerSource source = sources.getOrDefault(p.position(), new AnswerSource(p.position(), -1, -1));
            List<LayerFact> facts = new ArrayList<>();
            if (source.found()) {
                for (LayerInspection layer : inspection.layers()) {
                    facts.add(DiagnosisRules.fact(layer, attention, p.position(), source.valuePosition()));
                }
            }
            DiagnosisRules.Verdict v = DiagnosisRules.judge(p, source, facts, retentionThreshold, tokens);
            out.add(new RecallDiagnosis(p.position(), p.expected(), p.predicted(), p.confidence(), p.expectedProb(),
                    source, v.reason(), v.sentence(), facts));
        }
        return out;
    }

    /**
     * True when {@code inspection} ran on {@code sequence}: the same tokens, possibly followed by
     * right padding (spec §1 pads every sample to a fixed length).
     */
    public static boolean ranOn(Inspection inspection, RecallSequence sequence) {
        int[] seen = inspection.tokens();
        if (seen.length < sequence.length()) {
            return false;
        }
        for (int i = 0; i < seen.length; i++) {
            int expected = i < sequence.length() ? sequence.token(i) : Vocabulary.PAD;
            if (seen[i] != expected) {
                return false;
            }
        }
        return true;
    }

    /** E.g. {@code a @12: expected 3, predicted 7 (41%)}: one line for lists. */
    public String headline(RecallSequence sequence) {
        return Vocabulary.name(sequence.token(position)) + " @" + position + ": expected " + Vocabulary.name(expected)
                + ", predicted " + Vocabulary.name(predicted) + String.format(" (%.0f%%)", 100.0 * confidence);
    }
}
