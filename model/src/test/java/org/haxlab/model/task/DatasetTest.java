package org.haxlab.model.task;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetTest {

    @Test
    void splitsAreDisjointEvenWhenTheCellIsTiny() {
        // 1 context x 1 key x 3 values: only 3 distinct sequences exist, so collisions are certain
        TaskConfig tiny = new TaskConfig(1, 1, 1, 1, 3, 0, 5, Variant.MQJR, 2);
        Dataset ds = new DatasetBuilder(tiny).counts(50, 1, 1).build();
        Set<RecallSequence> test = new HashSet<>(ds.all(Split.TEST));
        Set<RecallSequence> val = new HashSet<>(ds.all(Split.VALIDATION));
        assertEquals(1, test.size());
        assertTrue(val.stream().noneMatch(test::contains));
        Set<RecallSequence> train = new HashSet<>();
        for (int i = 0; i < ds.size(Split.TRAIN); i++) {
            train.add(ds.get(Split.TRAIN, i));
        }
        assertEquals(1, train.size(), "only one sequence is left for training");
        assertTrue(train.stream().noneMatch(s -> test.contains(s) || val.contains(s)));
    }

    @Test
    void splitsAreDisjointOnAGrid() {
        TaskConfig config = new TaskConfig(1, 3, 1, 2, 8, 0, 9, Variant.MQJR, 2);
        Dataset ds = new DatasetBuilder(config).counts(40, 2, 2).build();
        assertEquals(6, ds.cells().size());
        assertEquals(240, ds.size(Split.TRAIN));
        Set<RecallSequence> heldOut = new HashSet<>(ds.all(Split.TEST));
        ds.all(Split.VALIDATION).forEach(v -> assertTrue(!heldOut.contains(v), "validation repeats a test sequence"));
        heldOut.addAll(ds.all(Split.VALIDATION));
        for (long i = 0; i < ds.size(Split.TRAIN); i++) {
            RecallSequence s = ds.get(Split.TRAIN, i);
            assertTrue(!heldOut.contains(s), "train " + i + " repeats a held-out sequence");
            Cell cell = ds.cell(Split.TRAIN, i);
            assertEquals(cell.contexts(), s.contexts());
            assertEquals(cell.keys(), s.keys());
        }
    }

    @Test
    void sameSeedSameDataset() {
        TaskConfig config = new TaskConfig(2, 3, 2, 3, 16, 0, 1, Variant.MQJR, 2);
        Dataset a = new DatasetBuilder(config).counts(10, 3, 3).build();
        Dataset b = new DatasetBuilder(config).counts(10, 3, 3).build();
        for (Split split : Split.values()) {
            for (long i = 0; i < a.size(split); i++) {
                assertEquals(a.get(split, i), b.get(split, i));
                assertEquals(a.get(split, i), a.get(split, i));
            }
        }
        Dataset c = new DatasetBuilder(config.withSeed(2)).counts(10, 3, 3).build();
        assertTrue(!a.get(Split.TRAIN, 0).equals(c.get(Split.TRAIN, 0)));
    }

    @Test
    void thePaperGridIsExpressible() {
        Dataset ds = new DatasetBuilder(TaskConfig.paper(0)).counts(10_000, 1, 1).build();
        assertEquals(144, ds.cells().size());
        assertEquals(1_440_000, ds.size(Split.TRAIN));
        assertEquals(1058, ds.paddedLength());
        RecallSequence last = ds.get(Split.TRAIN, 1_439_999);
        assertEquals(new Cell(16, 16), ds.cell(Split.TRAIN, 1_439_999));
        assertEquals(1058, last.length());
        assertEquals(112, ds.get(Split.TRAIN, 0).length());
    }

    @Test
    void impossibleSplitsAndBadIndicesAreReported() {
        TaskConfig tiny = new TaskConfig(1, 1, 1, 1, 1, 0, 5, Variant.MQJR, 2);
        var e = assertThrows(IllegalStateException.class, () -> new DatasetBuilder(tiny).counts(1, 1, 1).build());
        assertTrue(e.getMessage().contains("too few distinct sequences"), e.getMessage());
        Dataset ds = new DatasetBuilder(TaskConfig.mqjr(2, 2, 0)).counts(2, 1, 1).build();
        assertThrows(IndexOutOfBoundsException.class, () -> ds.get(Split.TRAIN, 2));
        assertThrows(IllegalArgumentException.class, () -> new DatasetBuilder(tiny).counts(-1, 1, 1));
        assertEquals(List.of(new Cell(2, 2)), ds.cells());
    }
}
