package org.haxlab.app.table;

import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.train.TaskSpec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scale's checks and the model configs it builds. */
class TableScaleTest {

    private static String refused(int k, int maxLen, int dModel, Backbone b) {
        return assertThrows(IllegalArgumentException.class, () -> new TableScale(b, new TaskSpec(2, 4, 2, 4), dModel, 8,
                k, maxLen, 4, 100, 16, 1e-3, 10, 10, 8, 8, 0)).getMessage();
    }

    @Test
    void refusesABudgetOrMaxLenThatDoesNotFitTheLength() {
        assertTrue(refused(80, 2048, 32, Backbone.MAMBA2).contains("--k 80 covers whole sequences (longest 74)"));
        assertTrue(refused(8, 50, 32, Backbone.MAMBA2).contains("below the longest sequence of the grid (74)"));
        assertTrue(refused(7, 148, 32, Backbone.MAMBA2).contains("must be even"));
        assertTrue(refused(8, 148, 20, Backbone.MAMBA2).contains("head width 16"));
    }

    @Test
    void buildsTheScaledModelsAndTheWiderBaseline() {
        TableScale s = TableRowTest.scale();
        ModelConfig hax = s.modelConfig(TableEntry.HAX, 5);
        assertEquals(32, hax.dModel());
        assertEquals(8, hax.dState());
        assertEquals(4, hax.heads());
        assertEquals(Pattern.HAX, hax.sparse().pattern());
        assertEquals(8, hax.sparse().budget());
        assertEquals(148, hax.sparse().maxLen());
        assertEquals(4, hax.sparse().hashBits());
        assertEquals(5, hax.initSeed());
        assertEquals(37, s.modelConfig(TableEntry.SWD, 0).sparse().dilation(), "r = maxLen / (k/2)");
        ModelConfig wide = s.modelConfig(TableEntry.BASE2X, 1);
        assertEquals(64, wide.dModel());
        assertEquals(4, wide.heads(), "the released Base (2x dim) keeps the head count: heads twice as wide");
        assertEquals(32, wide.headDim());
        assertEquals(Pattern.NONE, wide.sparse().pattern());
        assertEquals(3, s.trainingConfig(3).seed());
        assertEquals(60, s.trainingConfig(3).validateEvery());
        assertEquals(60, s.trainingConfig(3).warmupSteps());
    }
}
