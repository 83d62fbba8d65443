package org.haxlab.viz.export;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Component;
import org.haxlab.viz.fxtest.FxExtension;
import org.haxlab.viz.charts.CapacityChart;
import org.haxlab.model.task.TokenRole;
import org.haxlab.model.task.Vocabulary;
import org.haxlab.viz.tokens.RoleColors;
import org.haxlab.viz.tokens.TokenStrip;
import org.haxlab.viz.tokens.TokenLegend;
import org.haxlab.model.inspect.QueryPrediction;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;

import static org.haxlab.viz.fxtest.FxExtension.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        CsvExport.selection(sel, new int[] {Vocabulary.BOS, Vocabulary.SEP}, Vocabulary::name, s);
        assertEquals("query,query_token,key,key_token,components,weight\n0,<bos>,0,<bos>,sink,1.0\n"
                + "1,|,0,<bos>,sink+ks,0.125\n", s.toString());
        assertThrows(IllegalArgumentException.class, () -> CsvExport.selection(sel, new int[1], Vocabulary::name, s));
        StringBuilder p = new StringBuilder();
        CsvExport.predictions(new int[] {Vocabulary.BOS, Vocabulary.KEY_BASE},
                List.of(new QueryPrediction(1, Vocabulary.VALUE_BASE + 2, Vocabulary.VALUE_BASE + 5, 0.5f, 0.25f,
                        new float[0])), i -> i == Vocabulary.KEY_BASE ? "a,\"x\"" : Vocabulary.name(i), p);
        assertEquals("position,query_token,expected,expected_token,predicted,predicted_token,confidence,expected_prob,"
                + "correct\n1,\"a,\"\"x\"\"\",12,2,15,5,0.5,0.25,false\n", p.toString(), "RFC 4180 quoting");
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
        assertEquals(RoleColors.of(TokenRole.CONTEXT), img.getRGB(5, 10));
        assertThrows(IllegalStateException.class, () -> ImageExport.nodeToPng(new StackPane(), file));
    }

    @Test
    void figurePngHasAHeaderAboveTheView(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fig.png");
        FigureInfo info = new FigureInfo("Selected keys", "Mamba-2 +HAX", 1, "4 tokens: A A A A");
        BufferedImage img = onFx(() -> {
            TokenStrip strip = new TokenStrip();
            strip.setTokens(new int[] {42, 42, 42, 42});
            new Scene(new StackPane(strip), 400, 20);
            strip.resize(400, 20);
            strip.layout();
            return FigureExport.png(strip, info, new TokenLegend(), file);
        });
        BufferedImage read = ImageIO.read(file.toFile());
        assertEquals(img.getHeight(), read.getHeight());
        assertTrue(read.getHeight() > 20 + 40, "header lines and a legend around the 20 px view: " + read.getHeight());
        assertEquals(List.of("Selected keys", "model: Mamba-2 +HAX   layer: 1", "sequence, 4 tokens: A A A A"),
                FigureExport.headerLines(info));
        int contexts = 0;
        for (int y = 0; y < read.getHeight(); y++) {
            contexts += read.getRGB(200, y) == RoleColors.of(TokenRole.CONTEXT) ? 1 : 0;
        }
        assertTrue(contexts >= 10, "the view's pixels are in the figure");
        assertThrows(IllegalStateException.class, () -> FigureExport.png(new StackPane(), info, null, file));
    }

    @Test
    void chartsExportAsPng(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("capacity.png");
        CapacityChart chart = onFx(CapacityChart::new);
        ImageExport.chartToPng(chart.chart(), 320, 200, file);
        assertEquals(320, ImageIO.read(file.toFile()).getWidth());
    }
}
