package org.haxlab.model.task;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BatchTest {

    @Test
    void collatesTokensTargetsAndMasks() {
        RecallSequence a = SequenceText.parse("A a 3 | A a ?").sequence();
        RecallSequence b = SequenceText.parse("A a 3 b 5 | A b ? a ?").sequence();
        try (NDManager m = NDManager.newBaseManager()) {
            Batch batch = Batch.of(List.of(a, b), 14, m);
            assertEquals(new Shape(2, 14), batch.tokens().getShape());
            assertEquals(DataType.INT64, batch.tokens().getDataType());
            assertEquals(DataType.INT64, batch.targets().getDataType());
            assertEquals(DataType.FLOAT32, batch.lossMask().getDataType());
            assertEquals(2, batch.size());
            assertEquals(14, batch.length());
            long[] tok = batch.tokens().toLongArray();
            long[] tgt = batch.targets().toLongArray();
            float[] loss = batch.lossMask().toFloatArray();
            float[] pad = batch.padMask().toFloatArray();
            assertArrayEquals(new long[] {1, 42, 26, 13, 4, 42, 26, 13, 3, 3, 3, 3, 3, 3}, java.util.Arrays.copyOf(tok, 14));
            assertArrayEquals(new long[] {1, 42, 26, 13, 27, 15, 4, 42, 27, 15, 26, 13, 3, 3},
                    java.util.Arrays.copyOfRange(tok, 14, 28));
            for (int i = 0; i < 28; i++) {
                boolean query = i == 6 || i == 14 + 8 || i == 14 + 10;
                assertEquals(query ? 1f : 0f, loss[i], "loss mask at " + i);
                // the target at a query key is the value that follows it in the input
                assertEquals(query ? tok[i + 1] : Vocabulary.PAD, tgt[i], "target at " + i);
                boolean real = i < 8 || i >= 14 && i < 26;
                assertEquals(real ? 1f : 0f, pad[i], "pad mask at " + i);
            }
        }
    }

    @Test
    void releasedCollationPadsToTheFixedLengthAndDropsTheLastColumn() {
        RecallSequence a = SequenceText.parse("A a 3 | A a ?").sequence();
        RecallSequence b = SequenceText.parse("A a 3 b 5 | A b ? a ?").sequence();
        try (NDManager m = NDManager.newBaseManager()) {
            // fixed length 12 (b's): 11 columns, b loses its final token (the answer 3 of its last query)
            Batch batch = Batch.released(List.of(a, b), 12, m);
            assertEquals(new Shape(2, 11), batch.tokens().getShape());
            long[] tok = batch.tokens().toLongArray();
            long[] tgt = batch.targets().toLongArray();
            assertArrayEquals(new long[] {1, 42, 26, 13, 4, 42, 26, 13, 3, 3, 3}, java.util.Arrays.copyOf(tok, 11));
            assertArrayEquals(new long[] {1, 42, 26, 13, 27, 15, 4, 42, 27, 15, 26},
                    java.util.Arrays.copyOfRange(tok, 11, 22));
            assertEquals(13, tgt[11 + 10], "the dropped token is still the last query's target");
            assertEquals(3f, batch.lossMask().sum().getFloat());
            // a longer fixed length pads further, and still feeds one column less
            assertEquals(new Shape(2, 19), Batch.released(List.of(a, b), 20, m).tokens().getShape());
            var e = assertThrows(IllegalArgumentException.class, () -> Batch.released(List.of(a), 1, m));
            assertEquals("fixed length 1 must be >= 2 (one column is dropped)", e.getMessage());
        }
    }

    @Test
    void rejectsEmptyOverlongAndNonPositive() {
        RecallSequence a = SequenceText.parse("A a 3 | A a ?").sequence();
        try (NDManager m = NDManager.newBaseManager()) {
            assertThrows(IllegalArgumentException.class, () -> Batch.of(List.of(), 8, m));
            var e = assertThrows(IllegalArgumentException.class, () -> Batch.of(List.of(a), 7, m));
            assertEquals("sequence 0 has 8 tokens, more than the padded length 7", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Batch.of(List.of(a), 0, m));
        }
    }

    @Test
    void datasetBatchesUseTheGridPaddedLength() {
        Dataset ds = new DatasetBuilder(new TaskConfig(1, 2, 1, 2, 16, 0, 3, Variant.MQJR, 2)).counts(4, 1, 1).build();
        try (NDManager m = NDManager.newBaseManager()) {
            Batch batch = ds.batch(Split.TRAIN, new long[] {0, 15}, m);
            assertEquals(new Shape(2, Layout.length(2, 2)), batch.tokens().getShape());
            assertEquals(1 + 4, (int) batch.lossMask().sum().getFloat());
        }
    }
}
