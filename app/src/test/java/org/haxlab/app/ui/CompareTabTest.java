package org.haxlab.app.ui;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The compare table's model column titles. */
class CompareTabTest {

    @Test
    void aModelTitleStacksBackboneOverName() {
        List<String> zoo = List.of("Mamba-2 +HAX (zoo, 98.1 %)", "Mamba (SSM only) (zoo, 46.8 %)");
        assertEquals("Mamba-2\n+HAX", CompareTab.stacked(zoo.get(0), zoo));
        assertEquals("Mamba\n(SSM only)", CompareTab.stacked(zoo.get(1), zoo));
        assertEquals("Mamba-2", CompareTab.stacked("Mamba-2", List.of("Mamba-2")));
        assertEquals("(k=8)", CompareTab.stacked("(k=8)", List.of("(k=8)")), "nothing before the parenthesis");
    }

    @Test
    void twoModelsOfOneNameKeepTheirParentheses() {
        List<String> two = List.of("Mamba-2 +SW (k=8)", "Mamba-2 +SW (k=16)", "Mamba-2 +HAX");
        assertEquals("Mamba-2\n+SW\n(k=8)", CompareTab.stacked(two.get(0), two));
        assertEquals("Mamba-2\n+SW\n(k=16)", CompareTab.stacked(two.get(1), two));
        assertEquals("Mamba-2\n+HAX", CompareTab.stacked(two.get(2), two));
    }
}
