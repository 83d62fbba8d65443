package org.haxlab.viz.heatmap;

import org.haxlab.viz.fxtest.FxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.haxlab.viz.fxtest.FxExtension.onFx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(FxExtension.class)
class ColorBarTest {
    @Test
    void labelsShowTheRangeOfTheBoundHeatmap() throws Exception {
        String[] texts = onFx(() -> {
            MatrixHeatmap map = new MatrixHeatmap();
            map.useDiverging();
            map.setMatrix(new float[] {-0.5f, 2f, 1f, 0f}, 2, 2);
            ColorBar bar = map.createColorBar("ks score");
            return bar.labelTexts();
        });
        assertArrayEquals(new String[] {"ks score", "2", "0", "-2"}, texts);
    }

    @Test
    void barRunsFromTheScaleStartAtTheBottomToItsEndAtTheTop() {
        int[] px = ColorBar.barPixels(Palettes.SEQUENTIAL, 2, 50);
        assertEquals(Palettes.SEQUENTIAL.argb(1), px[0]);
        assertEquals(Palettes.SEQUENTIAL.argb(0), px[49 * 2 + 1]);
        assertEquals("0.001235", ColorBar.format(0.00123456));
        assertEquals("1.235e-05", ColorBar.format(0.0000123456));
    }
}
