package org.haxlab.viz.charts;

import org.haxlab.viz.heatmap.Palettes;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;

/**
 * The look shared by the JFreeChart views: white background, light grid, Okabe-Ito series colours
 * (colour-blind safe) and tooltips with exact values.
 */
public final class ChartStyle {
    /**
     * Series colours in order: Okabe-Ito without yellow (it vanishes on white) and without black, which
     * the views keep for summary curves (maximum, bound); a dark yellow and grey complete eight.
     */
    public static final int[] SERIES = {Palettes.BLUE, Palettes.VERMILLION, Palettes.BLUISH_GREEN, Palettes.ORANGE,
        Palettes.REDDISH_PURPLE, Palettes.SKY_BLUE, 0xFF8C6D00, 0xFF999999};

    private ChartStyle() {
    }

    /** AWT colour of series {@code i} (cycling). */
    public static Color seriesColour(int i) {
        return awt(SERIES[Math.floorMod(i, SERIES.length)]);
    }

    /** AWT colour of an ARGB int. */
    public static Color awt(int argb) {
        return new Color(argb, true);
    }

    /** Applies the shared look to an XY chart and colours its first renderer's series. */
    public static void apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(new Color(0xDDDDDD));
            plot.setRangeGridlinePaint(new Color(0xDDDDDD));
            for (int r = 0; r < plot.getRendererCount(); r++) {
                XYItemRenderer renderer = plot.getRenderer(r);
                if (renderer != null) {
                    renderer.setDefaultToolTipGenerator(exactTooltips());
                }
            }
        }
    }

    /** Tooltips "series: (x, y)" with up to 6 significant decimals. */
    public static StandardXYToolTipGenerator exactTooltips() {
        return new StandardXYToolTipGenerator("{0}: ({1}, {2})", new DecimalFormat("0.######"),
                new DecimalFormat("0.######E0"));
    }

    /** Colours and thin strokes for the first {@code n} series of a renderer. */
    public static void colourSeries(XYItemRenderer renderer, int n) {
        for (int s = 0; s < n; s++) {
            renderer.setSeriesPaint(s, seriesColour(s));
            renderer.setSeriesStroke(s, new BasicStroke(1.5f));
        }
    }
}
