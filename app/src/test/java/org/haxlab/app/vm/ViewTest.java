package org.haxlab.app.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** View ids: unique, parsed case-insensitively, an unknown one lists the valid ones. */
class ViewTest {

    @Test
    void idsRoundTripAndAnUnknownOneListsTheValidIds() {
        for (View v : View.values()) {
            assertEquals(v, View.of(v.id()));
            assertEquals(v, View.of(" " + v.id().toUpperCase() + " "));
        }
        assertEquals(View.values().length, View.ids().stream().distinct().count());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> View.of("sequence"));
        assertEquals("no view 'sequence': the views are selection, buckets, decay, diagnosis, sparsity, slicing,"
                + " capacity, compare", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> View.of(null));
    }
}
