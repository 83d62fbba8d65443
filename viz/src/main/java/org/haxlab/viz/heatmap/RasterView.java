package org.haxlab.viz.heatmap;

import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * Base of the pixel-buffer views: a region that shows one {@link WritableImage} exactly its own size
 * and asks its subclass for the pixels ({@link #renderPixels(int, int)}) only when the size changed or
 * {@link #invalidateRaster()} was called. Drawing goes through one {@code int[]} ARGB buffer and one
 * {@code PixelWriter.setPixels} call per frame, never per-cell shapes: a 1058 x 1058 selection would
 * otherwise mean 67k nodes or fillRect calls. An {@link #overlay()} pane above the image takes hover marks.
 */
public abstract class RasterView extends Region {
    private final ImageView imageView = new ImageView();
    private final Pane overlay = new Pane();
    private WritableImage image;
    private boolean dirty = true;
    private int renders;

    /** Creates the image and overlay layers. */
    protected RasterView() {
        overlay.setMouseTransparent(true);
        overlay.setManaged(false);
        imageView.setManaged(false);
        imageView.setSmooth(false);
        getChildren().addAll(imageView, overlay);
    }

    /** The pixels of a width x height image (row-major, opaque ARGB); called on the FX thread. */
    protected abstract int[] renderPixels(int width, int height);

    /** Called after new pixels were written (for example to redraw text on an overlay canvas). */
    protected void afterRender(int width, int height) {
    }

    /** Marks the pixels stale; they are re-rendered once at the next layout pass. */
    public final void invalidateRaster() {
        dirty = true;
        requestLayout();
    }

    /** The layer above the image for hover marks and labels (mouse-transparent). */
    protected final Pane overlay() {
        return overlay;
    }

    /** Width of the raster in pixels (at least 1). */
    protected final int rasterWidth() {
        return Math.max(1, (int) Math.floor(getWidth()));
    }

    /** Height of the raster in pixels (at least 1). */
    protected final int rasterHeight() {
        return Math.max(1, (int) Math.floor(getHeight()));
    }

    /** How many times the pixels were rendered (tests use it to check that hovering does not re-render). */
    public final int renderCount() {
        return renders;
    }

    @Override
    protected void layoutChildren() {
        int w = rasterWidth();
        int h = rasterHeight();
        if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
            image = new WritableImage(w, h);
            imageView.setImage(image);
            dirty = true;
        }
        if (dirty) {
            int[] pixels = renderPixels(w, h);
            if (pixels.length != w * h) {
                throw new IllegalStateException(getClass().getSimpleName() + " rendered " + pixels.length
                        + " pixels for a " + w + "x" + h + " image");
            }
            image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
            dirty = false;
            renders++;
            afterRender(w, h);
        }
        overlay.resizeRelocate(0, 0, w, h);
    }
}
