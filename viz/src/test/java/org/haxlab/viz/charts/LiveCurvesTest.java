package org.haxlab.viz.charts;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.haxlab.model.train.TrainingMetric;
import org.haxlab.viz.fxtest.FxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.atomic.AtomicInteger;

import static org.haxlab.viz.fxtest.FxExtension.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(FxExtension.class)
class LiveCurvesTest {
    @Test
    void pointsFromAnotherThreadArriveInBatchesWithOneRedrawPerFlush() throws Exception {
        AtomicInteger chartEvents = new AtomicInteger();
        LiveCurves curves = onFx(() -> {
            LiveCurves c = new LiveCurves();
            new Scene(new StackPane(c), 400, 300);
            c.chart().addChangeListener(e -> chartEvents.incrementAndGet());
            return c;
        });
        Thread trainer = new Thread(() -> {
            for (int step = 0; step < 300; step++) {
                curves.append(TrainingMetric.LOSS, step, 3.0 / (1 + step));
                curves.append(TrainingMetric.VAL_ACCURACY, step, step / 300.0);
            }
            curves.append(TrainingMetric.GATE_LOSS, 0, Double.NaN);
        });
        trainer.start();
        trainer.join();
        int[] seen = new int[3];
        for (int attempt = 0; attempt < 200 && seen[0] < 300; attempt++) {
            Thread.sleep(20);
            seen = onFx(() -> new int[] {curves.series(TrainingMetric.LOSS).getItemCount(),
                curves.series(TrainingMetric.VAL_ACCURACY).getItemCount(), curves.flushCount()});
        }
        assertEquals(300, seen[0]);
        assertEquals(300, seen[1]);
        int flushes = seen[2];
        assertTrue(flushes >= 1 && flushes <= 30, "600 points should take a few frames, took " + flushes + " flushes");
        assertEquals(flushes, chartEvents.get(), "exactly one chart redraw per flush");
        assertEquals(java.util.Set.of(TrainingMetric.LOSS, TrainingMetric.VAL_ACCURACY),
                onFx(curves::metricsWithData), "the NaN gate loss was dropped");
    }

    @Test
    void flushingOffTheFxThreadIsRefused() throws Exception {
        LiveCurves curves = onFx(LiveCurves::new);
        assertThrows(IllegalStateException.class, curves::flushPending);
    }
}
