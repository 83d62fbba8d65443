package org.haxlab.viz.heatmap;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * A vertical colour bar with an explicit range: a title above, and beside the bar the maximum's
 * label at the top, the middle value at the centre and the minimum's at the bottom. The range is two properties so a heatmap
 * can bind it ({@link MatrixHeatmap#createColorBar(String)}).
 */
public class ColorBar extends VBox {
    /** Bar width and height in pixels. */
    private static final int BAR_W = 16;
    private static final int BAR_H = 160;

    private final DoubleProperty min = new SimpleDoubleProperty(this, "min", 0);
    private final DoubleProperty max = new SimpleDoubleProperty(this, "max", 1);
    private final Label title = new Label();
    private final Label maxLabel = new Label();
    private final Label midLabel = new Label();
    private final Label minLabel = new Label();

    /**
     * @param scale the colours, drawn from t = 0 (bottom) to t = 1 (top)
     * @param title what the colour means, e.g. "weight" (shown above the bar)
     */
    public ColorBar(Palettes.Scale scale, String title) {
        this.title.setText(title);
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(4);
        ImageView bar = new ImageView(gradient(scale));
        Region gapTop = new Region();
        Region gapBottom = new Region();
        VBox.setVgrow(gapTop, Priority.ALWAYS);
        VBox.setVgrow(gapBottom, Priority.ALWAYS);
        // Labels sit in a column exactly as tall as the bar, so max, mid and min line up with its ends and centre.
        VBox labels = new VBox(maxLabel, gapTop, midLabel, gapBottom, minLabel);
        labels.setMinHeight(BAR_H);
        labels.setPrefHeight(BAR_H);
        labels.setMaxHeight(BAR_H);
        getChildren().addAll(this.title, new HBox(4, bar, labels));
        min.addListener((o, a, b) -> updateLabels());
        max.addListener((o, a, b) -> updateLabels());
        updateLabels();
    }

    /** The column of pixels of the bar: top row t = 1, bottom row t = 0. Pure, for tests. */
    public static int[] barPixels(Palettes.Scale scale, int width, int height) {
        int[] px = new int[width * height];
        for (int y = 0; y < height; y++) {
            int c = scale.argb(height == 1 ? 1 : 1 - y / (double) (height - 1));
            java.util.Arrays.fill(px, y * width, (y + 1) * width, c);
        }
        return px;
    }

    private static WritableImage gradient(Palettes.Scale scale) {
        WritableImage img = new WritableImage(BAR_W, BAR_H);
        img.getPixelWriter().setPixels(0, 0, BAR_W, BAR_H, PixelFormat.getIntArgbInstance(),
                barPixels(scale, BAR_W, BAR_H), 0, BAR_W);
        return img;
    }

    /** Sets the range shown at the ends of the bar. */
    public final void setRange(double lo, double hi) {
        if (!(hi >= lo)) {
            throw new IllegalArgumentException("colour bar: range [" + lo + ", " + hi + "] is empty or NaN");
        }
        min.set(lo);
        max.set(hi);
    }

    /** Value at the bottom of the bar. */
    public final DoubleProperty minProperty() {
        return min;
    }

    /** Value at the top of the bar. */
    public final DoubleProperty maxProperty() {
        return max;
    }

    /** The texts shown: {title, max, middle, min} (for tests and exports). */
    public final String[] labelTexts() {
        return new String[] {title.getText(), maxLabel.getText(), midLabel.getText(), minLabel.getText()};
    }

    /** Formats a range end with four significant digits. */
    public static String format(double v) {
        if (v == 0 || (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5)) {
            return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }

    private void updateLabels() {
        maxLabel.setText(format(max.get()));
        minLabel.setText(format(min.get()));
        midLabel.setText(format((min.get() + max.get()) / 2));
    }
}
