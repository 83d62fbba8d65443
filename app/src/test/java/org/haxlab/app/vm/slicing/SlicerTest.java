package org.haxlab.app.vm.slicing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.haxlab.model.inspect.AnswerSource;
import org.haxlab.model.inspect.RecallDiagnosis;
import org.haxlab.model.inspect.RecallDiagnosis.Reason;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.task.SequenceText;
import org.junit.jupiter.api.Test;

/** The breakdown by reason, table size and distance, with its examples, on hand-made diagnoses. */
class SlicerTest {

    private static RecallDiagnosis d(int query, int valueAt, boolean right, Reason reason) {
        return new RecallDiagnosis(query, 5, right ? 5 : 6, 0.9f, right ? 0.9f : 0.1f,
                new AnswerSource(query, valueAt - 1, valueAt), right ? Reason.CORRECT : reason, "why", List.of());
    }

    @Test
    void slicesCountEveryQueryOncePerDimensionAndKeepAWrongExample() {
        RecallSequence small = SequenceText.parse("A a 3 b 2 | A a ? b ?").sequence();
        RecallSequence big = SequenceText.parse("A a 3 b 2 B a 1 b 4 | A a ? b ? B a ? b ?").sequence();
        Slicer s = new Slicer();
        s.add(small, List.of(d(8, 3, true, null), d(10, 5, false, Reason.NOT_SELECTED)));
        s.add(big, List.of(d(14, 3, false, Reason.OTHER_BUCKET), d(16, 5, true, null), d(19, 8, false,
                Reason.NOT_SELECTED), d(21, 10, true, null)));
        assertEquals(6, s.total());
        List<SliceRow> rows = s.rows();
        List<SliceRow> reasons = rows.stream().filter(r -> r.dimension().equals(Slicer.REASON)).toList();
        assertEquals(List.of("correct", "not selected", "other LSH bucket"), reasons.stream().map(SliceRow::slice).toList(),
                "most frequent first");
        assertEquals(3, reasons.get(0).correct());
        assertEquals(0, reasons.get(1).correct());
        assertEquals(10, reasons.get(1).example().query(), "the first wrong query of the slice");
        assertEquals(SequenceText.print(small), reasons.get(1).example().text());

        List<SliceRow> tables = rows.stream().filter(r -> r.dimension().equals(Slicer.TABLE)).toList();
        assertEquals(List.of("1 x 2", "2 x 2"), tables.stream().map(SliceRow::slice).toList(), "ascending n");
        assertEquals("1 of 2 (50.0 %)", tables.get(0).accuracyText());
        assertEquals(2.0 / 6, tables.get(0).share(), 1e-12);

        List<SliceRow> distances = rows.stream().filter(r -> r.dimension().equals(Slicer.DISTANCE)).toList();
        // distances 5, 5, 11, 11, 11, 11: slices 4..7 and 8..15
        assertEquals(List.of("4..7", "8..15"), distances.stream().map(SliceRow::slice).toList());
        assertEquals(2, distances.get(0).queries());
        assertEquals(4, distances.get(1).queries());
        assertEquals(14, distances.get(1).example().query());
    }

    @Test
    void distancesFallIntoPowerOfTwoSlices() {
        assertEquals("1", Slicer.distance(1));
        assertEquals("2..3", Slicer.distance(3));
        assertEquals("64..127", Slicer.distance(100));
    }

    @Test
    void rowsAndExamplesRefuseImpossibleCounts() {
        SliceExample e = new SliceExample("A a 3 | A a ?", 4);
        assertThrows(IllegalArgumentException.class, () -> new SliceRow("x", "y", 2, 3, 5, e));
        assertThrows(IllegalArgumentException.class, () -> new SliceExample("", 1));
    }
}
