package org.haxlab.model.task;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskConfigTest {

    private static void rejects(String fragment, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), "'" + ex.getMessage() + "' should mention '" + fragment + "'");
    }

    @Test
    void paperConfigPadsTo1058() {
        TaskConfig paper = TaskConfig.paper(1);
        assertEquals(1058, paper.paddedLength());
        assertEquals(144, new DatasetBuilder(paper).cells().size());
    }

    @Test
    void configsThatDoNotFitTheVocabularyAreRejected() {
        rejects("16 contexts slots", () -> new TaskConfig(1, 17, 1, 4, 16, 0, 0, Variant.MQJR, 2));
        rejects("16 keys slots", () -> new TaskConfig(1, 4, 0, 4, 16, 0, 0, Variant.MQJR, 2));
        rejects("16 value slots", () -> new TaskConfig(1, 4, 1, 4, 17, 0, 0, Variant.MQJR, 2));
        rejects("min <= max", () -> new TaskConfig(5, 4, 1, 4, 16, 0, 0, Variant.MQJR, 2));
        rejects("context tiers", () -> new TaskConfig(2, 2, 2, 2, 16, 0, 0, Variant.MULTILEVEL, 5));
        rejects("more than 65536", () -> new TaskConfig(16, 16, 16, 16, 16, 0, 0, Variant.MULTILEVEL, 4));
    }

    @Test
    void levelsMustMatchTheVariant() {
        rejects("--variant multilevel", () -> new TaskConfig(2, 2, 2, 2, 16, 0, 0, Variant.MQJR, 3));
        rejects("one level", () -> new TaskConfig(1, 1, 2, 2, 16, 0, 0, Variant.MQAR, 2));
        rejects("no contexts", () -> new TaskConfig(3, 3, 2, 2, 16, 0, 0, Variant.MULTILEVEL, 1));
        rejects("variant is missing", () -> new TaskConfig(3, 3, 2, 2, 16, 0, 0, null, 2));
    }

    @Test
    void lengthMustHoldTheLongestSequence() {
        rejects("shorter than the longest sequence, 1058", () -> new TaskConfig(5, 16, 5, 16, 16, 1000, 0, Variant.MQJR, 2));
        rejects("negative", () -> new TaskConfig(5, 16, 5, 16, 16, -1, 0, Variant.MQJR, 2));
        assertEquals(2048, new TaskConfig(5, 16, 5, 16, 16, 2048, 0, Variant.MQJR, 2).paddedLength());
    }

    @Test
    void variantNamesParse() {
        assertEquals(Variant.MULTILEVEL, Variant.parse("MultiLevel"));
        rejects("mqjr, single, multilevel, mqar", () -> Variant.parse("xyz"));
    }
}
