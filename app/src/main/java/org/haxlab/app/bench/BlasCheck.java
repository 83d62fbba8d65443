package org.haxlab.app.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Locale;

/**
 * Whether the PyTorch peer's CPU matrix products are fair: its float32 512 x 512 product (it reports
 * {@code matmul_gflops}) against the same product in this JVM's libtorch. A Debian python3-torch without
 * libopenblas0-pthread falls back to the reference BLAS and runs 2-5x slower; its step times then say nothing
 * about HAX Lab.
 */
final class BlasCheck {

    /** Matrix size of the product both sides time. */
    static final int N = 512;

    /** A peer this many times slower than HAX Lab's libtorch at the product is flagged. */
    static final double SLOWER = 4;

    private BlasCheck() {
    }

    /** The best of ten float32 N x N products in this JVM's libtorch on the CPU, GFLOP/s. */
    static double ourGflops() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray a = m.randomNormal(new Shape(N, N));
            NDArray b = m.randomNormal(new Shape(N, N));
            a.matMul(b).close();
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 10; i++) {
                long t0 = System.nanoTime();
                a.matMul(b).close();   // synchronous on the CPU
                best = Math.min(best, System.nanoTime() - t0);
            }
            return 2.0 * N * N * N / Math.max(1, best);
        }
    }

    /** The warning line when the peer is {@link #SLOWER} times slower or more, else null (also when one is unknown). */
    static String warning(double peerGflops, double ourGflops) {
        if (!(peerGflops > 0) || !(ourGflops > 0) || peerGflops * SLOWER > ourGflops) {
            return null;
        }
        return String.format(Locale.ROOT, "# warning: the peer's %d x %d matrix product runs at %.1f GFLOP/s, %.0fx slower"
                        + " than HAX Lab's libtorch (%.1f GFLOP/s): its BLAS looks like a reference build (Debian:"
                        + " apt-get install libopenblas0-pthread), so its step times are not a fair comparison",
                N, N, peerGflops, ourGflops / peerGflops, ourGflops);
    }
}
