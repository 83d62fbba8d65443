package org.haxlab.app.ui;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The compare table's model column titles. */
class CompareTabTest {

    @Test
    void aModelTitleBreaksBeforeItsLastParenthesis() {
        assertEquals("Mamba-2 +HAX\n(zoo, 98.1 %)", CompareTab.twoLines("Mamba-2 +HAX (zoo, 98.1 %)"));
        assertEquals("Mamba (SSM only)\n(zoo, 46.8 %)", CompareTab.twoLines("Mamba (SSM only) (zoo, 46.8 %)"));
        assertEquals("Mamba-2 +SW (k=8)", CompareTab.twoLines("Mamba-2 +SW (k=8)").replace("\n", " "));
        assertEquals("(k=8)", CompareTab.twoLines("(k=8)"), "nothing before the parenthesis: one line");
        assertEquals("Mamba-2", CompareTab.twoLines("Mamba-2"));
    }
}
