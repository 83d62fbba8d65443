package org.haxlab.app.bench;

import org.haxlab.model.sparse.SelectedKeys;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SelectionInput;
import org.haxlab.model.sparse.SelectionPattern;
import org.haxlab.model.sparse.SparseAttention;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.viz.heatmap.SelectionRaster;
import org.haxlab.viz.heatmap.Viewport;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Times the selection-matrix heatmap's frame rendering (benchmark target: a 1058 x 1058 matrix, ms per frame): the
 * pixel work {@link SelectionRaster#render} does for every repaint of the view (the JavaFX upload of the
 * finished buffer is not included: it needs a running toolkit). The selection is a +HAX selection (LSH and
 * KS components, k = 64) of random bins and scores with softmax weights, so multi-component cells occur.
 */
public final class HeatmapBench {

    /**
     * One frame kind.
     *
     * @param name   what is drawn
     * @param width  buffer width, pixels
     * @param height buffer height, pixels
     * @param stats  ms per frame
     */
    public record Row(String name, int width, int height, Stats stats) {
    }

    private HeatmapBench() {
    }

    /** A +HAX selection of {@code length} queries with weights, from a fixed seed. */
    public static AttentionSelection selection(int length) {
        Random rng = new Random(3);
        int[] qb = new int[length];
        int[] kb = new int[length];
        float[] score = new float[length];
        for (int i = 0; i < length; i++) {
            qb[i] = rng.nextInt(16);  // few bins, so LSH rows are full
            kb[i] = rng.nextInt(16);
            score[i] = rng.nextFloat();
        }
        SelectedKeys s = SelectionPattern.of(SparseConfig.paper(Pattern.HAX))
                .select(new SelectionInput(length, qb, kb, score));
        int n = 16;
        float[] q = new float[length * n];
        float[] k = new float[length * n];
        for (int i = 0; i < q.length; i++) {
            q[i] = (float) rng.nextGaussian();
            k[i] = (float) rng.nextGaussian();
        }
        return s.toAttentionSelection(SparseAttention.hostWeights(s, q, k, n));
    }

    /** Times full-view frames at 1:1 and downsampled, and a 4x zoom, of a {@code length} matrix. */
    public static List<Row> run(int length, int warmup, int repetitions) throws Exception {
        AttentionSelection sel = selection(length);
        SelectionRaster.Style style = SelectionRaster.Style.defaults();
        Viewport full = Viewport.full(length, length);
        Viewport zoom = full.zoomAt(length / 2.0, length / 2.0, length, length, 4);
        List<Row> rows = new ArrayList<>();
        int[] sink = {0};
        rows.add(new Row("whole matrix, 1 cell per pixel", length, length, Timer.time(warmup, repetitions,
                () -> sink[0] += SelectionRaster.render(sel, full, length, length, style)[length / 2])));
        rows.add(new Row("whole matrix, downsampled", 600, 600, Timer.time(warmup, repetitions,
                () -> sink[0] += SelectionRaster.render(sel, full, 600, 600, style)[300])));
        rows.add(new Row("4x zoom at the centre", length, length, Timer.time(warmup, repetitions,
                () -> sink[0] += SelectionRaster.render(sel, zoom, length, length, style)[length / 2])));
        if (sink[0] == 42) {
            System.out.print("");  // keeps the JIT from dropping the renders
        }
        return rows;
    }
}
