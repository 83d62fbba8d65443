package org.haxlab.viz.tokens;

import org.haxlab.model.task.Vocabulary;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenRoleTest {
    @Test
    void rolesFollowTheSpecIdsAndValuesAfterSepAreQueryValues() {
        int[] t = {Vocabulary.BOS, 42, 26, 13, Vocabulary.SEP, 42, 26, 13, Vocabulary.PAD, 99};
        assertArrayEquals(new TokenRole[] {TokenRole.SPECIAL, TokenRole.CONTEXT, TokenRole.KEY, TokenRole.VALUE,
            TokenRole.SPECIAL, TokenRole.CONTEXT, TokenRole.KEY, TokenRole.QUERY_VALUE, TokenRole.SPECIAL,
            TokenRole.SPECIAL}, TokenRole.roles(t));
    }

    @Test
    void defaultNamesPrintContextsKeysAndValues() {
        assertEquals("A", TokenNames.name(42));
        assertEquals("P", TokenNames.name(57));
        assertEquals("a", TokenNames.name(26));
        assertEquals("p", TokenNames.name(41));
        assertEquals("0", TokenNames.name(10));
        assertEquals("15", TokenNames.name(25));
        assertEquals("SEP", TokenNames.name(4));
        assertEquals("#60", TokenNames.name(60));
    }
}
