package org.haxlab.model.engine;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class NativeAllocatorTest {

    @Test
    void tunesGlibcOnLinuxAndSaysSo() {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"));
        String first = NativeAllocator.tune();
        assertTrue(first.startsWith("glibc malloc tuned"), first);
        assertEquals(first, NativeAllocator.tune(), "tuned once, the same answer afterwards");
        assertEquals(first, NativeAllocator.state());
    }

    @Test
    void theSystemPropertyKeepsTheDefaults() {
        String old = System.getProperty(NativeAllocator.PROPERTY);
        System.setProperty(NativeAllocator.PROPERTY, " System ");
        try {
            assertEquals("C library defaults (-Dhaxlab.malloc=system)", NativeAllocator.apply());
        } finally {
            if (old == null) {
                System.clearProperty(NativeAllocator.PROPERTY);
            } else {
                System.setProperty(NativeAllocator.PROPERTY, old);
            }
        }
    }
}
