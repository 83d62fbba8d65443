package org.haxlab.viz.bench;

import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.viz.demo.SyntheticRecords;
import org.haxlab.viz.heatmap.SelectionRaster;
import org.haxlab.viz.heatmap.Viewport;

import java.util.Locale;

/**
 * Not a test: times the selection raster at L = 1058 (a 64-key-per-query selection, about 67k cells)
 * for a full view and a zoomed view, so "smooth at L = 1058" is a measured claim. Run with
 * {@code java -cp <test classpath> org.haxlab.viz.bench.RasterBenchmark}.
 */
public final class RasterBenchmark {
    private RasterBenchmark() {
    }

    /** Prints milliseconds per frame for a few view sizes. */
    public static void main(String[] args) {
        int length = 1058;
        int[] qb = SyntheticRecords.buckets(length, 4, 1);
        AttentionSelection sel = SyntheticRecords.selection(length, 32, 32, qb, qb, 2);
        System.out.printf(Locale.ROOT, "L=%d, %d selected cells%n", length, sel.size());
        SelectionRaster.Style style = SelectionRaster.Style.defaults();
        Viewport full = Viewport.full(length, length);
        Viewport zoom = full.zoomAt(400, 600, 800, 800, 8);
        for (int size : new int[] {256, 800, 1600}) {
            for (Viewport v : new Viewport[] {full, zoom}) {
                for (int warm = 0; warm < 100; warm++) {
                    SelectionRaster.render(sel, v, size, size, style);
                }
                int frames = 50;
                long t0 = System.nanoTime();
                for (int f = 0; f < frames; f++) {
                    SelectionRaster.render(sel, v, size, size, style);
                }
                double ms = (System.nanoTime() - t0) / 1e6 / frames;
                System.out.printf(Locale.ROOT, "%4d px %s: %.2f ms/frame%n", size, v.isFull() ? "full  " : "zoom x8", ms);
            }
        }
    }
}
