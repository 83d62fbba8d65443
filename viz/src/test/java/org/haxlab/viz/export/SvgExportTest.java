package org.haxlab.viz.export;

import org.haxlab.model.inspect.QueryPrediction;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Component;
import org.haxlab.viz.heatmap.ComponentColors;
import org.haxlab.viz.heatmap.Palettes;
import org.haxlab.viz.heatmap.SelectionRaster;
import org.haxlab.viz.tokens.TokenNames;
import org.haxlab.viz.tokens.TokenRole;
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
        Document d = parse(SvgExport.tokenStrip(tokens, preds, TokenNames.DEFAULT, 10, 20));
        NodeList rects = d.getElementsByTagName("rect");
        assertEquals(6 + 1, rects.getLength(), "every role changes here, plus one mark");
        assertEquals(Palettes.hex(TokenRole.CONTEXT.argb()), ((Element) rects.item(1)).getAttribute("fill"));
        assertEquals(Palettes.hex(TokenStripRaster.WRONG), ((Element) rects.item(6)).getAttribute("fill"));
        NodeList texts = d.getElementsByTagName("text");
        assertEquals("A", texts.item(1).getTextContent());
        assertEquals("BOS", texts.item(0).getTextContent());
    }

    @Test
    void textIsEscapedAndBadSizesRejected() throws Exception {
        String svg = new SvgWriter(10, 10).text(5, 5, 8, "<a & b>").toSvg();
        assertEquals("<a & b>", parse(svg).getElementsByTagName("text").item(0).getTextContent());
        assertThrows(IllegalArgumentException.class, () -> new SvgWriter(0, 10));
    }
}
