package org.haxlab.app.ui;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The files from the repository's {@code assets/} folder, which the build copies onto the classpath
 * under {@code /assets/} (see app/pom.xml).
 */
public final class Assets {

    /** Classpath folder of the assets. */
    public static final String ROOT = "/assets/";
    /** The application stylesheet. */
    public static final String STYLESHEET = ROOT + "haxlab.css";
    /** Icon sizes shipped as {@code icon-<size>.png}; the window manager picks the best fit. */
    static final int[] ICON_SIZES = {16, 32, 64, 128, 256};

    private Assets() {
    }

    /** URL of an asset, failing with its name when the build did not copy it. */
    public static URL url(String path) {
        URL url = Assets.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("Missing asset " + path + " on the classpath: rebuild with Maven "
                    + "(the assets/ folder is copied by the app module's resources configuration)");
        }
        return url;
    }

    /** The window icons in every shipped size. */
    public static List<Image> icons() {
        List<Image> icons = new ArrayList<>();
        for (int size : ICON_SIZES) {
            icons.add(new Image(url(ROOT + "icon-" + size + ".png").toExternalForm()));
        }
        return icons;
    }

    /** Adds the stylesheet to a scene and the icons to its stage. */
    public static void dress(Stage stage, Scene scene) {
        style(scene);
        stage.getIcons().setAll(icons());
    }

    /** Adds the app's stylesheet to {@code scene} (a window without a stage: snapshots). */
    public static void style(Scene scene) {
        scene.getStylesheets().add(url(STYLESHEET).toExternalForm());
    }
}
