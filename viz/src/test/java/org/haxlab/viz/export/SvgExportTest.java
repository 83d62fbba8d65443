package org.haxlab.viz.export;

import org.haxlab.model.inspect.QueryPrediction;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Component;
import org.haxlab.viz.heatmap.ComponentColors;
import org.haxlab.viz.heatmap.Palettes;
import org.haxlab.viz.heatmap.SelectionRaster;
import org.haxlab.model.task.TokenRole;
import org.haxlab.model.task.Vocabulary;
import org.haxlab.viz.tokens.RoleColors;
import org.haxlab.viz.tokens.TokenStripRaster;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvgExportTest {
    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void selectionRunsBecomeOneRectangleEach() throws Exception {
        // Query 3 selects keys 0, 1, 2 (window, equal weights: one run) and query 2 selects key 0 (sink).
        AttentionSelection sel = new AttentionSelection(4, new int[] {0, 0, 0, 1, 4}, new int[] {0, 0, 1, 2},
                new int[] {Component.SINK.bit(), Component.WINDOW.bit(), Component.WINDOW.bit(), Component.WINDOW.bit()},
                new float[] {1f, 1 / 3f, 1 / 3f, 1 / 3f});
        SelectionRaster.Style style = new SelectionRaster.Style(SelectionRaster.WeightScale.ROW_MAX, 0);
        Document d = parse(SvgExport.selection(sel, style, 10));
        NodeList rects = d.getElementsByTagName("rect");
        assertEquals(1 + 4 + 2, rects.getLength(), "background, 4 causal rows, 2 runs");
        Element run = (Element) rects.item(6);
        assertEquals("0", run.getAttribute("x"));
        assertEquals("30", run.getAttribute("y"));
        assertEquals("30", run.getAttribute("width"));
        assertEquals(Palettes.hex(ComponentColors.of(Component.WINDOW)), run.getAttribute("fill"));
        assertEquals("40", d.getDocumentElement().getAttribute("width"));
    }

    @Test
    void multiComponentKeysGetATriangleInTheSecondColour() throws Exception {
        AttentionSelection sel = new AttentionSelection(1, new int[] {0, 1}, new int[] {0},
                new int[] {Component.LSH.bit() | Component.DILATED.bit()}, new float[] {1f});
        Document d = parse(SvgExport.selection(sel, new SelectionRaster.Style(SelectionRaster.WeightScale.ABSOLUTE, 0), 4));
        Element tri = (Element) d.getElementsByTagName("polygon").item(0);
        assertEquals(Palettes.hex(ComponentColors.of(Component.DILATED)), tri.getAttribute("fill"));
        assertEquals("4,0 4,4 0,4", tri.getAttribute("points"));
    }

    @Test
    void tokenStripHasRoleRunsTextAndMarks() throws Exception {
        int[] tokens = {1, 42, 26, 13, 27, 14};
        List<QueryPrediction> preds = List.of(new QueryPrediction(4, 14, 15, 0.5f, 0.2f, new float[0]));
        Document d = parse(SvgExport.tokenStrip(tokens, preds, Vocabulary::name, 10, 20));
        NodeList rects = d.getElementsByTagName("rect");
        assertEquals(6 + 1, rects.getLength(), "every role changes here, plus one mark");
        assertEquals(Palettes.hex(RoleColors.of(TokenRole.CONTEXT)), ((Element) rects.item(1)).getAttribute("fill"));
        assertEquals(Palettes.hex(RoleColors.of(TokenRole.QUERY)), ((Element) rects.item(4)).getAttribute("fill"));
        assertEquals(Palettes.hex(TokenStripRaster.WRONG), ((Element) rects.item(6)).getAttribute("fill"));
        NodeList texts = d.getElementsByTagName("text");
        assertEquals("A", texts.item(1).getTextContent());
        assertEquals("<bos>", texts.item(0).getTextContent());
    }

    @Test
    void selectionFigureStandsAlone() throws Exception {
        // 4 positions: query 3 reads keys 0..2 by window, query 2 reads key 0 by sink
        AttentionSelection sel = new AttentionSelection(4, new int[] {0, 0, 0, 1, 4}, new int[] {0, 0, 1, 2},
                new int[] {Component.SINK.bit(), Component.WINDOW.bit(), Component.WINDOW.bit(), Component.WINDOW.bit()},
                new float[] {1f, 1 / 3f, 1 / 3f, 1 / 3f});
        int[] tokens = {Vocabulary.BOS, Vocabulary.CONTEXT_BASE, Vocabulary.KEY_BASE, Vocabulary.VALUE_BASE + 3};
        FigureInfo info = new FigureInfo("Selected keys", "Mamba-2 +SW", 1, FigureInfo.excerpt(tokens, Vocabulary::name));
        Document d = parse(SvgExport.selectionFigure(info, sel, tokens, Vocabulary::name,
                SelectionRaster.Style.defaults(), 20));
        List<String> texts = new java.util.ArrayList<>();
        NodeList t = d.getElementsByTagName("text");
        for (int i = 0; i < t.getLength(); i++) {
            texts.add(t.item(i).getTextContent());
        }
        assertEquals("Selected keys", texts.get(0));
        assertEquals("model: Mamba-2 +SW   layer: 1", texts.get(1));
        assertEquals("sequence, 4 tokens: <bos> A a 3", texts.get(2));
        assertTrue(texts.contains("3 3") && texts.contains("a"), "query axis '3 3' and key token 'a': " + texts);
        assertTrue(texts.contains("window") && texts.contains("sink"), "legend names the components present");
        assertTrue(!texts.contains("lsh") && !texts.contains("ks"), "and only those");
        assertThrows(IllegalArgumentException.class, () -> SvgExport.selectionFigure(info, sel, new int[3],
                Vocabulary::name, SelectionRaster.Style.defaults(), 20));
    }

    @Test
    void tokenStripFigureHasHeaderTicksAndRoleLegend() throws Exception {
        int[] tokens = {1, 42, 26, 13, 27, 14};
        List<QueryPrediction> preds = List.of(new QueryPrediction(4, 14, 14, 0.5f, 0.5f, new float[0]));
        FigureInfo info = new FigureInfo("Token strip", "Mamba-2", -1, FigureInfo.excerpt(tokens, Vocabulary::name));
        String svg = SvgExport.tokenStripFigure(info, tokens, preds, Vocabulary::name, 14, 18);
        Document d = parse(svg);
        String all = d.getDocumentElement().getTextContent();
        assertTrue(all.contains("model: Mamba-2") && !all.contains("layer:"), "a strip is not per layer");
        for (TokenRole r : List.of(TokenRole.CONTEXT, TokenRole.KEY, TokenRole.VALUE, TokenRole.QUERY, TokenRole.ANSWER)) {
            assertTrue(all.contains(RoleColors.label(r)), "legend names " + r);
        }
        assertTrue(!all.contains(RoleColors.label(TokenRole.NOISE)), "roles that do not occur stay out of the legend");
        assertTrue(all.contains("correct answer") && all.contains("wrong answer"));
    }

    @Test
    void excerptsShortenLongSequencesInTheMiddle() {
        int[] tokens = new int[100];
        java.util.Arrays.fill(tokens, Vocabulary.KEY_BASE);
        String e = FigureInfo.excerpt(tokens, Vocabulary::name);
        assertTrue(e.startsWith("100 tokens: a a"), e);
        assertEquals(2 * FigureInfo.EXCERPT_TOKENS, e.chars().filter(c -> c == 'a').count(), e);
        assertTrue(e.contains("\u2026"));
        assertEquals("selected-keys_mamba-2-hax_layer0.svg",
                new FigureInfo("Selected keys", "Mamba-2 +HAX", 0, "").fileName("svg"));
        assertThrows(IllegalArgumentException.class, () -> new FigureInfo(" ", "m", 0, ""));
    }

    @Test
    void textIsEscapedAndBadSizesRejected() throws Exception {
        String svg = new SvgWriter(10, 10).text(5, 5, 8, "<a & b>").toSvg();
        assertEquals("<a & b>", parse(svg).getElementsByTagName("text").item(0).getTextContent());
        assertThrows(IllegalArgumentException.class, () -> new SvgWriter(0, 10));
    }
}
