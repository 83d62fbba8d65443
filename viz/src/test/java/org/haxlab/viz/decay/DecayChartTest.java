package org.haxlab.viz.decay;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.haxlab.model.trace.DecayTrace;
import org.haxlab.viz.fxtest.FxExtension;
import org.haxlab.viz.demo.SyntheticRecords;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.haxlab.viz.fxtest.FxExtension.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(FxExtension.class)
class DecayChartTest {
    @Test
    void retentionModeDrawsEveryHeadPlusTheMaximumWithLogAxisAndThreshold() throws Exception {
        DecayTrace t = SyntheticRecords.mamba2Decay(200, 8, 5);
        onFx(() -> {
            DecayChart chart = new DecayChart();
            chart.setTrace(t);
            chart.showRetentionFrom(50, DecaySeries.Units.perUnit());
            chart.setLogScale(true);
            chart.setThreshold(0.01);
            new Scene(new StackPane(chart), 600, 300).snapshot(null);
            XYPlot plot = chart.chart().getXYPlot();
            assertEquals(9, chart.dataset().getSeriesCount(), "8 heads + max");
            assertEquals(150, chart.dataset().getItemCount(8), "drawn from the token on");
            assertTrue(plot.getRangeAxis() instanceof LogAxis);
            assertEquals(0.01, plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next() instanceof
                    org.jfree.chart.plot.ValueMarker m ? m.getValue() : Double.NaN, 0);
            assertEquals(t.maxRetention(50, 120), chart.dataset().getYValue(8, 70), 1e-9);
            assertTrue(chart.legendShown(), "8 heads: the legend names each");
            assertEquals("", chart.manyCurvesText());
            chart.showPerStepDecay(DecaySeries.Units.mean());
            assertEquals(1, chart.dataset().getSeriesCount());
            return null;
        });
    }

    /**
     * A Mamba-1 layer of the zoo has 128 channels: their legend took the whole chart at 1280 x 720 (no plot
     * left), so beyond {@link DecayChart#MAX_LEGEND_ITEMS} curves one line under the plot says what they are.
     */
    @Test
    void manyChannelsGetOneLineInsteadOfALegendThatLeavesNoRoomForThePlot() throws Exception {
        DecayTrace t = SyntheticRecords.mamba1Decay(158, 128, 4, 3);
        onFx(() -> {
            DecayChart chart = new DecayChart();
            chart.setTrace(t);
            chart.showRetentionFrom(44, DecaySeries.Units.perUnit());
            new Scene(new StackPane(chart), 680, 360).snapshot(null);
            assertEquals(129, chart.dataset().getSeriesCount(), "128 channels + max");
            assertFalse(chart.legendShown());
            assertEquals("128 channels, one line each (colours repeat; hover a line for its channel); black: max over"
                    + " units", chart.manyCurvesText());
            var info = new org.jfree.chart.ChartRenderingInfo();
            chart.chart().createBufferedImage(680, 360, info);
            double plotHeight = info.getPlotInfo().getDataArea().getHeight();
            assertTrue(plotHeight > 200, "the plot keeps most of the chart: " + plotHeight + " of 360 px");
            chart.showPerStepDecay(DecaySeries.Units.perUnit());
            assertFalse(chart.manyCurvesText().contains("black"), "no maximum curve per step");
            chart.showRetentionFrom(44, DecaySeries.Units.mean());
            assertTrue(chart.legendShown(), "one mean curve: the legend is back");
            assertEquals("", chart.manyCurvesText());
            return null;
        });
    }
}
