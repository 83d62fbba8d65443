package org.haxlab.app.vm;

import org.haxlab.model.task.SequenceText;
import org.haxlab.model.task.TaskConfig;
import org.haxlab.model.task.TaskSampler;
import org.haxlab.model.task.TokenRole;
import org.haxlab.model.task.Variant;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequenceViewModelTest {

    @Test
    void validTextGivesTokensRolesAnswersAndLength() {
        SequenceViewModel vm = new SequenceViewModel(() -> 1L);
        vm.setMaxLength(30);
        vm.setText("A a 3 b 2 B b 4 a 1 | B a ? b ? A b ? a ?");
        assertNotNull(vm.parsedProperty().get());
        assertTrue(vm.errorsProperty().isEmpty());
        assertEquals(22, vm.tokensProperty().size());
        assertEquals(new TokenCell(0, "<bos>", TokenRole.SPECIAL), vm.tokensProperty().get(0));
        assertEquals(new TokenCell(1, "A", TokenRole.CONTEXT), vm.tokensProperty().get(1));
        assertEquals(new TokenCell(3, "3", TokenRole.VALUE), vm.tokensProperty().get(3));
        assertEquals(new TokenCell(13, "a", TokenRole.QUERY), vm.tokensProperty().get(13));
        assertEquals(new TokenCell(14, "?", TokenRole.ANSWER), vm.tokensProperty().get(14));
        assertEquals(4, vm.answersProperty().size());
        assertEquals("B a", vm.answersProperty().get(0).question());
        assertEquals(9, vm.answersProperty().get(0).definedAt());
        assertEquals(new LengthCheck(22, 30), vm.lengthCheckProperty().get());
        assertEquals(8, vm.lengthCheckProperty().get().padding());
        assertTrue(vm.summaryProperty().get().contains("2 contexts x 2 keys"), vm.summaryProperty().get());
    }

    @Test
    void invalidTextListsErrorsAtTheirColumnsAndClearsTheRest() {
        SequenceViewModel vm = new SequenceViewModel(() -> 1L);
        vm.setText("A a 3 b 2 | A x ?");
        assertNull(vm.parsedProperty().get());
        assertNull(vm.sequence());
        assertTrue(vm.tokensProperty().isEmpty());
        assertTrue(vm.answersProperty().isEmpty());
        assertFalse(vm.errorsProperty().isEmpty());
        var e = vm.errorsProperty().get(0);
        assertEquals("x", e.token());
        assertEquals(15, e.column());
        assertEquals("A a 3 b 2 | A x ?".indexOf('x') + 1, e.column());
        assertEquals("padded length 1058", vm.lengthCheckProperty().get().message());
        assertTrue(vm.summaryProperty().get().endsWith("error") || vm.summaryProperty().get().endsWith("errors"));
    }

    @Test
    void overLengthIsAnErrorAndTheLengthCheckSaysByHowMuch() {
        SequenceViewModel vm = new SequenceViewModel(() -> 1L);
        vm.setText("A a 3 b 2 B b 4 a 1 | B a ? b ? A b ? a ?");
        vm.setMaxLength(10);
        assertNull(vm.parsedProperty().get());
        assertTrue(vm.errorsProperty().stream().anyMatch(x -> x.reason().startsWith("over-length")));
        LengthCheck c = vm.lengthCheckProperty().get();
        assertEquals(22, c.length());
        assertFalse(c.fits());
        assertEquals("too long: 22 tokens > 10", c.message());
        vm.setMaxLength(22);
        assertNotNull(vm.parsedProperty().get());
        assertTrue(vm.lengthCheckProperty().get().fits());
        assertThrows(IllegalArgumentException.class, () -> vm.setMaxLength(1));
    }

    @Test
    void generateFollowsTheKnobsAndTheSeed() {
        SequenceViewModel vm = new SequenceViewModel(() -> 1L);
        vm.setVariant(Variant.MQJR);
        vm.setContexts(3);
        vm.setKeys(2);
        vm.setValues(8);
        vm.setSeed(42);
        assertTrue(vm.generate());
        var expected = new TaskSampler(new TaskConfig(3, 3, 2, 2, 8, 0, 42, Variant.MQJR, 2)).next();
        assertEquals(SequenceText.print(expected), vm.textProperty().get());
        assertEquals(expected, vm.sequence());
        assertEquals(6, vm.answersProperty().size());
        assertEquals("", vm.generationErrorProperty().get());
    }

    @Test
    void everyVariantGenerates() {
        SequenceViewModel vm = new SequenceViewModel(() -> 1L);
        vm.setContexts(2);
        vm.setKeys(3);
        for (Variant v : Variant.values()) {
            vm.setVariant(v);
            assertTrue(vm.generate(), v + ": " + vm.generationErrorProperty().get());
            assertNotNull(vm.parsedProperty().get(), v.toString());
        }
        vm.setVariant(Variant.MULTILEVEL);
        vm.setLevels(1);
        assertEquals(1, vm.taskConfig().maxContexts(), "associative recall has no contexts");
        assertTrue(vm.generate());
        assertEquals(1, vm.parsedProperty().get().levels());
    }

    @Test
    void newSeedDrawsAndGenerates() {
        SequenceViewModel vm = new SequenceViewModel(() -> -1_000_123L);
        vm.setContexts(2);
        vm.setKeys(2);
        assertTrue(vm.newSeed());
        assertEquals(Math.floorMod(-1_000_123L, SequenceViewModel.SEED_BOUND), vm.seedProperty().get());
        assertNotNull(vm.sequence());
    }

    @Test
    void refusedKnobsSayWhy() {
        SequenceViewModel vm = new SequenceViewModel(() -> 1L);
        assertThrows(IllegalArgumentException.class, () -> vm.setKeys(17));
        assertThrows(IllegalArgumentException.class, () -> vm.setContexts(0));
        assertThrows(IllegalArgumentException.class, () -> vm.setLevels(5));
        vm.setVariant(Variant.MULTILEVEL);
        vm.setLevels(4);
        vm.setContexts(16);
        vm.setKeys(16);
        String before = vm.textProperty().get();
        assertFalse(vm.generate());
        assertTrue(vm.generationErrorProperty().get().contains("tokens"), vm.generationErrorProperty().get());
        assertEquals(before, vm.textProperty().get(), "a refused generation leaves the text alone");
    }
}
