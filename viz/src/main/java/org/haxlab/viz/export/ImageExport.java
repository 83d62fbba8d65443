package org.haxlab.viz.export;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** PNG export of any node (JavaFX snapshot) and of JFreeChart charts (rendered by AWT, any thread). */
public final class ImageExport {
    private ImageExport() {
    }

    /**
     * Snapshots {@code node} (as laid out now) and writes it as PNG. Must run on the FX thread, as
     * every snapshot must.
     *
     * @return the image written
     */
    public static BufferedImage nodeToPng(Node node, Path file) throws IOException {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("png export: a node snapshot must be taken on the JavaFX thread");
        }
        WritableImage fx = node.snapshot(new SnapshotParameters(), null);
        BufferedImage img = SwingFXUtils.fromFXImage(fx, null);
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("png export: no PNG writer available for " + file);
        }
        return img;
    }

    /** Renders a chart at width x height pixels into a PNG file. */
    public static void chartToPng(JFreeChart chart, int width, int height, Path file) throws IOException {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("png export: size must be positive, got " + width + "x" + height);
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
    }
}
