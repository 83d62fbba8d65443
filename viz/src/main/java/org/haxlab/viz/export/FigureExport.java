package org.haxlab.viz.export;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * PNG of a view as a figure that stands alone: a header with the title, the model and layer and the
 * sequence excerpt ({@link FigureInfo}) above a snapshot of the view as laid out on screen (which
 * carries its own legend, colour bar or chart legend), optionally followed by an extra legend node.
 */
public final class FigureExport {
    /** Header height a figure adds at most above the view (three lines and padding). */
    static final double HEADER_MAX = 90;

    private FigureExport() {
    }

    /**
     * Snapshots {@code view}, puts the header of {@code info} above it (and {@code legend} below it when
     * not null) and writes a PNG. Must run on the FX thread, as every snapshot must.
     *
     * @return the image written
     */
    public static BufferedImage png(Node view, FigureInfo info, Node legend, Path file) throws IOException {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("png export: a view snapshot must be taken on the JavaFX thread");
        }
        if (view == null || info == null) {
            throw new IllegalArgumentException("png export: a view and its figure information are required");
        }
        WritableImage shot = view.snapshot(new SnapshotParameters(), null);
        VBox page = new VBox(2);
        page.setPadding(new Insets(8, 10, 8, 10));
        page.setStyle("-fx-background-color: white;");
        double width = shot.getWidth();
        page.getChildren().add(line(info.title(), 16, true, width));
        if (!info.subtitle().isEmpty()) {
            page.getChildren().add(line(info.subtitle(), 12, false, width));
        }
        if (!info.sequence().isEmpty()) {
            page.getChildren().add(line("sequence, " + info.sequence(), 12, false, width));
        }
        page.getChildren().add(new ImageView(shot));
        if (legend != null) {
            page.getChildren().add(legend);
        }
        new Scene(page, Color.WHITE);
        page.applyCss();
        page.layout();
        page.resize(page.prefWidth(-1), page.prefHeight(-1));
        page.layout();
        WritableImage fx = page.snapshot(new SnapshotParameters(), null);
        BufferedImage img = SwingFXUtils.fromFXImage(fx, null);
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("png export: no PNG writer available for " + file);
        }
        return img;
    }

    /** The header lines a figure of {@code info} shows, in order (for tests and previews). */
    public static java.util.List<String> headerLines(FigureInfo info) {
        java.util.List<String> out = new java.util.ArrayList<>();
        out.add(info.title());
        if (!info.subtitle().isEmpty()) {
            out.add(info.subtitle());
        }
        if (!info.sequence().isEmpty()) {
            out.add("sequence, " + info.sequence());
        }
        return out;
    }

    private static Label line(String text, double size, boolean bold, double width) {
        Label l = new Label(text);
        l.setFont(Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
        l.setTextFill(Color.web("#1e2230"));
        l.setMaxWidth(width);
        l.setWrapText(true);
        return l;
    }
}
