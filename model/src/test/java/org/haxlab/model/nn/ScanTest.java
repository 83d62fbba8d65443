package org.haxlab.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The chunked scans against the per-token recurrences of {@link ReferenceScans}. */
class ScanTest {

    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static float[] uniform(Random rng, int size, double lo, double hi) {
        float[] v = new float[size];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (lo + (hi - lo) * rng.nextDouble());
        }
        return v;
    }

    /** Element-wise |got - want| <= 1e-4 * (|want| + rms(want)): relative, robust to near-zero entries. */
    private static void assertClose(double[] want, float[] got, String what) {
        assertEquals(want.length, got.length, what + ": size");
        double ss = 0;
        for (double w : want) {
            ss += w * w;
        }
        double rms = Math.sqrt(ss / want.length);
        assertTrue(rms > 1e-3, what + ": degenerate reference");
        for (int i = 0; i < want.length; i++) {
            if (!(Math.abs(got[i] - want[i]) <= 1e-4 * (Math.abs(want[i]) + rms))) {
                fail(what + ": element " + i + " is " + got[i] + ", per-token recurrence gives " + want[i]);
            }
        }
    }

    private void checkMamba1(long seed, int batch, int len, int d, int n, double dtMax, double aMax) {
        Random rng = new Random(seed);
        float[] x = uniform(rng, batch * len * d, -1, 1);
        float[] dt = uniform(rng, batch * len * d, 0, dtMax);
        float[] a = uniform(rng, d * n, -aMax, -0.05);
        float[] b = uniform(rng, batch * len * n, -1, 1);
        float[] c = uniform(rng, batch * len * n, -1, 1);
        for (boolean chunkLoop : new boolean[] {true, false}) {  // the CPU's and the GPU's formulation
            try (NDManager m = manager.newSubManager()) {
                NDArray y = SelectiveScan.scan(m.create(x, new Shape(batch, len, d)),
                        m.create(dt, new Shape(batch, len, d)), m.create(a, new Shape(d, n)),
                        m.create(b, new Shape(batch, len, n)), m.create(c, new Shape(batch, len, n)), chunkLoop);
                assertEquals(new Shape(batch, len, d), y.getShape());
                assertClose(ReferenceScans.mamba1(x, dt, a, b, c, batch, len, d, n), y.toFloatArray(),
                        "Mamba-1 L=" + len + " dtMax=" + dtMax + " chunkLoop=" + chunkLoop);
            }
        }
    }

    @Test
    void mamba1ChunkedMatchesRecurrenceAtInitialStepSizes() {
        // max|dt*A| = 1.6: chunks of 37, several of them, the last one padded.
        checkMamba1(1, 2, 150, 6, 5, 0.1, 16);
    }

    @Test
    void mamba1ChunkedMatchesRecurrenceOnALongSequence() {
        checkMamba1(2, 1, 1000, 3, 4, 0.1, 16);
    }

    @Test
    void mamba1ChunkedMatchesRecurrenceWithLargeStepSizes() {
        // max|dt*A| = 80 > 60: one position per chunk, where a naive single chunk would overflow.
        checkMamba1(3, 2, 60, 4, 4, 5.0, 16);
        // max|dt*A| = 320, beyond float32's exp range: chunks of one position must not exponentiate it.
        checkMamba1(9, 1, 30, 3, 4, 20.0, 16);
        // Tiny dt: one chunk over the whole sequence.
        checkMamba1(4, 1, 90, 4, 4, 0.001, 1);
    }

    @Test
    void mamba1ChunkLengthKeepsTheExponentInRange() {
        try (NDManager m = manager.newSubManager()) {
            NDArray a = m.create(new float[] {-1f, -16f}, new Shape(1, 2));
            // max|dt*A| = 1.6 allows up to 37 positions; 200 positions need 6 chunks, balanced to 34.
            assertEquals(34, SelectiveScan.chunkLength(m.full(new Shape(1, 200, 1), 0.1f), a, 200, 2));
            assertEquals(1, SelectiveScan.chunkLength(m.full(new Shape(1, 200, 1), 5f), a, 200, 2));
            assertEquals(10, SelectiveScan.chunkLength(m.zeros(new Shape(1, 10, 1)), a, 10, 2));
            // Tiny dt but 64K floats per position: the size cap (1M floats) asks for 16; 200 = 13 chunks of 16.
            assertEquals(16, SelectiveScan.chunkLength(m.full(new Shape(1, 200, 1), 0.001f), a, 200, 1 << 16));
            // The growth bound still wins when it asks for fewer positions than the size cap.
            assertEquals(1, SelectiveScan.chunkLength(m.full(new Shape(1, 200, 1), 5f), a, 200, 1 << 16));
            // Huge per-position sizes never push T below the minimum chunk.
            assertEquals(SelectiveScan.MIN_CHUNK,
                    SelectiveScan.chunkLength(m.full(new Shape(1, 64, 1), 0.001f), a, 64, 1L << 30));
        }
    }

    @Test
    void mamba1GradientsStayFiniteAtTheEdgeOfTheChunkRange() {
        // max|dt*A| = 1.6 on most positions: chunks of 38, where exp(S') reaches e^-60; then dt*A = 80.
        int len = 120;
        int d = 3;
        int n = 4;
        Random rng = new Random(13);
        float[] dt = uniform(rng, len * d, 0, 0.1);
        for (int i = 0; i < 80; i++) {
            dt[i * d] = 0.1f;                       // channel 0 decays at the maximal rate for 80 steps
        }
        float[] a = uniform(rng, d * n, -16, -16);
        for (int run = 0; run < 4; run++) {
            boolean chunkLoop = run < 2;                   // the CPU's formulation, then the GPU's
            float big = run % 2 == 0 ? 0.1f : 5f;
            dt[60 * d + 1] = big;
            try (NDManager m = manager.newSubManager()) {
                NDArray dtA = m.create(dt, new Shape(1, len, d));
                NDArray x = m.create(uniform(rng, len * d, -1, 1), new Shape(1, len, d));
                for (NDArray p : new NDArray[] {dtA, x}) {
                    p.setRequiresGradient(true);
                }
                try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                    NDArray y = SelectiveScan.scan(x, dtA, m.create(a, new Shape(d, n)),
                            m.create(uniform(rng, len * n, -1, 1), new Shape(1, len, n)),
                            m.create(uniform(rng, len * n, -1, 1), new Shape(1, len, n)), chunkLoop);
                    gc.backward(y.sum());
                }
                for (NDArray p : new NDArray[] {dtA, x}) {
                    for (float g : p.getGradient().toFloatArray()) {
                        assertTrue(Float.isFinite(g), "non-finite gradient with dt spike " + big + ", chunkLoop "
                                + chunkLoop);
                    }
                }
            }
        }
    }

    private void checkMamba2(long seed, int batch, int len, int heads, int p, int n, int chunk, double dtMax) {
        Random rng = new Random(seed);
        float[] x = uniform(rng, batch * len * heads * p, -1, 1);
        float[] dt = uniform(rng, batch * len * heads, 0, dtMax);
        float[] a = uniform(rng, heads, -16, -1);
        float[] b = uniform(rng, batch * len * n, -1, 1);
        float[] c = uniform(rng, batch * len * n, -1, 1);
        try (NDManager m = manager.newSubManager()) {
            NDArray y = SsdScan.scan(m.create(x, new Shape(batch, len, heads * p)),
                    m.create(dt, new Shape(batch, len, heads)), m.create(a, new Shape(heads)),
                    m.create(b, new Shape(batch, len, n)), m.create(c, new Shape(batch, len, n)), chunk);
            assertEquals(new Shape(batch, len, heads * p), y.getShape());
            assertClose(ReferenceScans.mamba2(x, dt, a, b, c, batch, len, heads, p, n), y.toFloatArray(),
                    "Mamba-2 L=" + len + " chunk=" + chunk + " dtMax=" + dtMax);
        }
    }

    @Test
    void ssdChunkedMatchesRecurrence() {
        checkMamba2(5, 2, 130, 3, 4, 5, 16, 0.1);   // 9 chunks, the last one padded
        checkMamba2(6, 2, 40, 2, 3, 4, 64, 0.1);    // a single chunk shorter than the chunk length
    }

    @Test
    void ssdChunkedMatchesRecurrenceOnALongSequenceWithLargeSteps() {
        checkMamba2(7, 1, 600, 2, 4, 4, 64, 3.0);
        checkMamba2(8, 1, 200, 2, 4, 4, 7, 0.01);
    }
}
