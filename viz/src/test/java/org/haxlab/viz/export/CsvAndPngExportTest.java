package org.haxlab.viz.export;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Component;
import org.haxlab.viz.FxExtension;
import org.haxlab.viz.charts.CapacityChart;
import org.haxlab.viz.tokens.TokenRole;
import org.haxlab.viz.tokens.TokenStrip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;

import static org.haxlab.viz.FxExtension.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@ExtendWith(FxExtension.class)
class CsvAndPngExportTest {
    @Test
    void csvKeepsExactValuesAndComponentIds() throws Exception {
        StringBuilder m = new StringBuilder();
        CsvExport.matrix(new float[] {1.5f, -0.25f, 3f, 1e-7f}, 2, 2, m);
        assertEquals("1.5,-0.25\n3.0,1.0E-7\n", m.toString());
        AttentionSelection sel = new AttentionSelection(2, new int[] {0, 1, 2}, new int[] {0, 0},
                new int[] {Component.SINK.bit(), Component.SINK.bit() | Component.KS.bit()}, new float[] {1f, 0.125f});
        StringBuilder s = new StringBuilder();
        CsvExport.selection(sel, s);
        assertEquals("query,key,components,weight\n0,0,sink,1.0\n1,0,sink+ks,0.125\n", s.toString());
    }

    @Test
    void pngOfANodeHasItsPixels(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("strip.png");
        onFx(() -> {
            TokenStrip strip = new TokenStrip();
            strip.setTokens(new int[] {42, 42, 42, 42});
            new Scene(new StackPane(strip), 40, 20);
            strip.resize(40, 20);
            strip.layout();
            ImageExport.nodeToPng(strip, file);
            return null;
        });
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(40, img.getWidth());
        assertEquals(TokenRole.CONTEXT.argb(), img.getRGB(5, 10));
        assertThrows(IllegalStateException.class, () -> ImageExport.nodeToPng(new StackPane(), file));
    }

    @Test
    void chartsExportAsPng(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("capacity.png");
        CapacityChart chart = onFx(CapacityChart::new);
        ImageExport.chartToPng(chart.chart(), 320, 200, file);
        assertEquals(320, ImageIO.read(file.toFile()).getWidth());
    }
}
