package org.haxlab.viz.heatmap;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MatrixRasterTest {
    @Test
    void valuesMapThroughTheExplicitRange() {
        float[] m = {0, 5, 10, Float.NaN};
        int[] px = MatrixRaster.render(m, 2, 2, Viewport.full(2, 2), 2, 2, Palettes.SEQUENTIAL, 0, 10,
                MatrixRaster.Pooling.MAX);
        assertEquals(0xFF440154, px[0]);
        assertEquals(Palettes.SEQUENTIAL.argb(0.5), px[1]);
        assertEquals(0xFFFDE725, px[2]);
        assertEquals(0xFF808080, px[3], "NaN is grey");
    }

    @Test
    void downsamplingKeepsPeaksAndBothTails() {
        float[] m = new float[1000];
        m[777] = 9;
        int[] seq = MatrixRaster.render(m, 1, 1000, Viewport.full(1, 1000), 10, 1, Palettes.SEQUENTIAL, 0, 9,
                MatrixRaster.Pooling.MAX);
        assertEquals(0xFFFDE725, seq[7]);
        m[123] = -9;
        int[] div = MatrixRaster.render(m, 1, 1000, Viewport.full(1, 1000), 10, 1, Palettes.DIVERGING, -9, 9,
                MatrixRaster.Pooling.EXTREME);
        assertEquals(Palettes.DIVERGING.argb(0), div[1]);
        assertEquals(Palettes.DIVERGING.argb(1), div[7]);
        assertEquals(Palettes.DIVERGING.argb(0.5), div[4]);
    }

    @Test
    void shapeMismatchIsExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatrixRaster.checkShape(new float[5], 2, 3));
        assertEquals("matrix: 5 values do not make a 2x3 matrix", e.getMessage());
    }

    @Test
    void palettesAreOpaqueAndEndAtTheirAnchors() {
        assertEquals(0xFF1F4E9C, Palettes.DIVERGING.argb(0));
        assertEquals(0xFFA63603, Palettes.DIVERGING.argb(1));
        for (int id = 0; id < 256; id++) {
            assertEquals(0xFF, Palettes.category(id) >>> 24);
        }
        assertEquals("#0072b2", Palettes.hex(Palettes.BLUE));
    }
}
