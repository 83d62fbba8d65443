package org.haxlab.model.inspect;

import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.task.SequenceText;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Component;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.haxlab.model.inspect.InspectionFixtures.SPEC;
import static org.haxlab.model.inspect.InspectionFixtures.decay;
import static org.haxlab.model.inspect.InspectionFixtures.inspection;
import static org.haxlab.model.inspect.InspectionFixtures.layer;
import static org.haxlab.model.inspect.InspectionFixtures.predictions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecallDiagnosisTest {
    private static final int L = SPEC.length();
    private static final int[] NONE = new int[0];
    private static final float[] NO_SCORES = new float[0];
    // expected value ids of the four queries: 1, 4, 2, 3
    private static final int[] RIGHT = {11, 14, 12, 13};

    /** Query 0 (position 13) answered 7 instead of 1; the others right. */
    private static List<QueryPrediction> firstWrong() {
        return predictions(17, RIGHT[1], RIGHT[2], RIGHT[3]);
    }

    @Test
    void plainSsmThatForgetsIsStateDecayed() {
        // retention 10 -> 13 is exp(3 * -5) ~ 3e-7, below 1e-3
        Inspection in = inspection(Pattern.NONE, List.of(layer(0, new InspectionFixtures.Rows(0).build(), NONE, NONE,
                NO_SCORES, decay(L, -5f))), firstWrong());
        List<RecallDiagnosis> d = RecallDiagnosis.of(in, SPEC);
        assertEquals(4, d.size());
        RecallDiagnosis wrong = d.get(0);
        assertEquals(RecallDiagnosis.Reason.STATE_DECAYED, wrong.reason());
        assertEquals(new AnswerSource(13, 9, 10), wrong.source());
        assertEquals(Math.exp(-15), wrong.layers().get(0).retention(), 1e-9);
        assertTrue(wrong.explanation().contains("predicted 7 instead of 1"), wrong.explanation());
        assertFalse(wrong.layers().get(0).attention());
        for (int q = 1; q < 4; q++) {
            assertEquals(RecallDiagnosis.Reason.CORRECT, d.get(q).reason());
            assertTrue(d.get(q).correct());
        }
    }

    @Test
    void plainSsmThatStillHoldsTheAnswerMisreadsIt() {
        Inspection in = inspection(Pattern.NONE, List.of(layer(0, new InspectionFixtures.Rows(0).build(), NONE, NONE,
                NO_SCORES, decay(L, -0.1f))), firstWrong());
        assertEquals(RecallDiagnosis.Reason.MISREAD, RecallDiagnosis.of(in, SPEC).get(0).reason());
        // a stricter threshold turns the same facts into forgetting
        assertEquals(RecallDiagnosis.Reason.STATE_DECAYED, RecallDiagnosis.of(in, SPEC, 0.9).get(0).reason());
    }

    @Test
    void withoutAttentionOrDecayThereIsNoEvidence() {
        Inspection in = inspection(Pattern.NONE, List.of(layer(0, new InspectionFixtures.Rows(0).build(), NONE, NONE,
                NO_SCORES, null)), firstWrong());
        RecallDiagnosis d = RecallDiagnosis.of(in, SPEC).get(0);
        assertEquals(RecallDiagnosis.Reason.UNEXPLAINED, d.reason());
        assertFalse(d.explanation().contains("NaN"), d.explanation());
    }

    @Test
    void lshThatHashesTheAnswerAwayIsOtherBucket() {
        int[] qb = new int[L];
        int[] kb = new int[L];
        qb[13] = 1;
        kb[10] = 2;
        AttentionSelection sel = new InspectionFixtures.Rows(L).add(13, 12, Component.LSH, 1f).build();
        Inspection in = inspection(Pattern.LSH, List.of(layer(0, sel, qb, kb, NO_SCORES, decay(L, -1f))), firstWrong());
        RecallDiagnosis d = RecallDiagnosis.of(in, SPEC).get(0);
        assertEquals(RecallDiagnosis.Reason.OTHER_BUCKET, d.reason());
        assertEquals(1, d.layers().get(0).queryBucket());
        assertEquals(2, d.layers().get(0).sourceBucket());
        assertTrue(d.explanation().contains("query bucket 1, answer bucket 2"), d.explanation());
    }

    @Test
    void sameBucketButCrowdedOutIsNotSelected() {
        int[] qb = new int[L];
        int[] kb = new int[L];
        AttentionSelection sel = new InspectionFixtures.Rows(L).add(13, 12, Component.LSH, 1f).build();
        Inspection in = inspection(Pattern.LSH, List.of(layer(0, sel, qb, kb, NO_SCORES, null)), firstWrong());
        RecallDiagnosis d = RecallDiagnosis.of(in, SPEC).get(0);
        assertEquals(RecallDiagnosis.Reason.NOT_SELECTED, d.reason());
        assertTrue(d.explanation().contains("same LSH bucket"), d.explanation());
        assertTrue(Double.isNaN(d.layers().get(0).retention()));
    }

    @Test
    void ksThatScoresTheAnswerLowIsBelowCutoff() {
        float[] ks = new float[L];
        ks[5] = 0.9f;
        ks[8] = 0.8f;
        ks[10] = 0.1f;
        AttentionSelection sel = new InspectionFixtures.Rows(L).add(13, 5, Component.KS, 0.5f)
                .add(13, 8, Component.KS, 0.5f).build();
        Inspection in = inspection(Pattern.KS, List.of(layer(0, sel, NONE, NONE, ks, decay(L, -1f))), firstWrong());
        RecallDiagnosis d = RecallDiagnosis.of(in, SPEC).get(0);
        assertEquals(RecallDiagnosis.Reason.BELOW_KS_CUTOFF, d.reason());
        assertEquals(0.8f, d.layers().get(0).cutoff());
        assertEquals(0.1f, d.layers().get(0).sourceScore());
    }

    @Test
    void windowThatMissesTheAnswerIsNotSelected() {
        AttentionSelection sel = new InspectionFixtures.Rows(L).add(13, 12, Component.WINDOW, 0.5f)
                .add(13, 13, Component.WINDOW, 0.5f).build();
        Inspection in = inspection(Pattern.SW, List.of(layer(0, sel, NONE, NONE, NO_SCORES, decay(L, -1f))),
                firstWrong());
        RecallDiagnosis d = RecallDiagnosis.of(in, SPEC).get(0);
        assertEquals(RecallDiagnosis.Reason.NOT_SELECTED, d.reason());
        assertEquals(2, d.layers().get(0).rowKeys());
    }

    @Test
    void selectedInALaterLayerButOutweighed() {
        AttentionSelection miss = new InspectionFixtures.Rows(L).add(13, 12, Component.WINDOW, 1f).build();
        AttentionSelection hit = new InspectionFixtures.Rows(L).add(13, 10, Component.WINDOW, 0.2f)
                .add(13, 12, Component.WINDOW, 0.7f).add(13, 13, Component.WINDOW, 0.1f).build();
        Inspection in = inspection(Pattern.SW, List.of(layer(0, miss, NONE, NONE, NO_SCORES, null),
                layer(1, hit, NONE, NONE, NO_SCORES, null)), firstWrong());
        RecallDiagnosis d = RecallDiagnosis.of(in, SPEC).get(0);
        assertEquals(RecallDiagnosis.Reason.OUTWEIGHED, d.reason());
        RecallDiagnosis.LayerFact f = d.layers().get(1);
        assertTrue(f.selected());
        assertEquals(2, f.rank());
        assertEquals(12, f.heaviestKey());
        assertTrue(Component.WINDOW.in(f.components()));
        assertFalse(d.layers().get(0).selected());
        assertTrue(d.explanation().contains("position 12 ('B')"), d.explanation());
    }

    @Test
    void heaviestSelectedKeyButWrongIsMisread() {
        AttentionSelection hit = new InspectionFixtures.Rows(L).add(13, 10, Component.FULL, 0.9f)
                .add(13, 12, Component.FULL, 0.1f).build();
        Inspection in = inspection(Pattern.FULL, List.of(layer(0, hit, NONE, NONE, NO_SCORES, null)), firstWrong());
        RecallDiagnosis d = RecallDiagnosis.of(in, SPEC).get(0);
        assertEquals(RecallDiagnosis.Reason.MISREAD, d.reason());
        assertEquals(1, d.layers().get(0).rank());
    }

    @Test
    void refusesAnotherSequenceAndABadThreshold() {
        Inspection in = inspection(Pattern.NONE, List.of(), firstWrong());
        var other = SequenceText.parse("A a 3 | A a ?").sequence();
        assertThrows(IllegalArgumentException.class, () -> RecallDiagnosis.of(in, other));
        assertThrows(IllegalArgumentException.class, () -> RecallDiagnosis.of(in, SPEC, 0));
        assertThrows(IllegalArgumentException.class, () -> RecallDiagnosis.of(in, SPEC, Double.NaN));
    }

    @Test
    void paddedInspectionsBelongToTheirSequence() {
        int[] padded = java.util.Arrays.copyOf(SPEC.tokens(), L + 3);
        java.util.Arrays.fill(padded, L, L + 3, org.haxlab.model.task.Vocabulary.PAD);
        Inspection in = new Inspection(inspection(Pattern.NONE, List.of(), firstWrong()).config(), padded, List.of(),
                firstWrong(), new int[L + 3]);
        assertTrue(RecallDiagnosis.ranOn(in, SPEC));
        assertEquals(4, RecallDiagnosis.of(in, SPEC).size());
        padded[L + 1] = org.haxlab.model.task.Vocabulary.SEP;
        assertTrue(RecallDiagnosis.ranOn(in, SPEC), "the inspection keeps its own copy of the tokens");
        Inspection trailingSep = new Inspection(in.config(), padded, List.of(), firstWrong(), new int[L + 3]);
        assertFalse(RecallDiagnosis.ranOn(trailingSep, SPEC), "only padding may follow");
        assertFalse(RecallDiagnosis.ranOn(inspection(Pattern.NONE, List.of(), firstWrong()),
                SequenceText.parse("A a 3 | A a ?").sequence()));
    }

    @Test
    void headlineNamesQueryAndValues() {
        Inspection in = inspection(Pattern.NONE, List.of(), firstWrong());
        String h = RecallDiagnosis.of(in, SPEC).get(0).headline(SPEC);
        assertTrue(h.startsWith("a @13: expected 1, predicted 7"), h);
        assertTrue(Arrays.equals(SPEC.tokens(), in.tokens()));
    }
}
