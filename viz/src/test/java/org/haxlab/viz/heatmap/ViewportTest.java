package org.haxlab.viz.heatmap;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ViewportTest {
    @Test
    void zoomKeepsTheCellUnderTheMouseInPlace() {
        Viewport v = Viewport.full(1000, 1000);
        int before = v.colAt(300, 500);
        Viewport z = v.zoomAt(300, 200, 500, 500, 4);
        assertEquals(250, z.spanX(), 1e-9);
        assertEquals(before, z.colAt(300, 500));
        assertEquals(v.rowAt(200, 500), z.rowAt(200, 500));
    }

    @Test
    void zoomAndPanAreClampedToTheMatrix() {
        Viewport v = Viewport.full(100, 100).zoomAt(0, 0, 100, 100, 1e9);
        assertEquals(Viewport.MIN_SPAN, v.spanX(), 1e-9);
        Viewport p = v.panBy(1e6, 1e6, 100, 100);
        assertEquals(0, p.x0(), 1e-9);
        Viewport out = v.zoomAt(50, 50, 100, 100, 1e-9);
        assertTrue(out.isFull());
    }

    @Test
    void pixelSpanCoversEveryPixelACellTouches() {
        assertArrayEquals(new int[] {0, 0}, Viewport.pixelSpan(3, 0, 1058 / 256.0, 256));
        assertArrayEquals(new int[] {10, 19}, Viewport.pixelSpan(1, 0, 0.1, 40));
        assertNull(Viewport.pixelSpan(50, 0, 0.1, 40));
        assertEquals(-1, Viewport.full(10, 10).colAt(100, 100));
    }
}
