package org.haxlab.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import org.haxlab.model.nd.HostReads;

/**
 * Mamba-1's selective scan (spec §2), vectorised within chunks of positions:
 * h_t = exp(dt_t A) * h_{t-1} + dt_t B_t x_t (state (B, d_inner, N)), y_t = C_t . h_t.
 *
 * <p>Within a chunk of T positions starting at position f let S'_t = A * (dt_{f+1} + ... + dt_t) (<= 0).
 * Then h_t = exp(S'_t) * (exp(dt_f A) h_in + cumsum_{s<=t} exp(-S'_s) dt_s B_s x_s): two cumsums and no
 * per-token loop (the cumsum of dt runs once over (B, L, D), because A does not change over time).
 * exp(-S') grows within a chunk, so T is chosen per call such that (T - 1) * max|dt*A| stays below
 * {@link #MAX_LOG_GROWTH} (float32 overflows near e^88). The result is exact (no truncation) for every dt.
 * The skip term D*x is added by the mixer.
 *
 * <p>The (B, T, D, N) work runs one chunk at a time, each chunk's state feeding the next, and T is also
 * capped on the CPU so that one chunk's (B, T, D, N) tensor stays near {@link #CHUNK_ELEMENTS}. Whole-sequence
 * (B, L, D, N) tensors (69 MB at batch 8, L 1057, D 128, N 16) were the old formulation: every one of them
 * was a fresh mmap from the C allocator, page-faulted in and unmapped again, and streamed through memory
 * instead of the cache; the chunk loop made the synthetic model's Mamba-1 training step about twice as fast
 * on a 2-core CPU (docs/BENCHMARKS.md). The loop costs about ten small libtorch calls per chunk.
 */
public final class SelectiveScan {

    /** Largest |S| allowed inside one chunk; e^60 ~ 1e26 leaves room for |dt B x| before float32 overflow. */
    public static final double MAX_LOG_GROWTH = 60.0;

    /**
     * Target size (floats) of one chunk's (B, T, D, N) tensors: 1M floats, 4 MB, small enough to stay in
     * the C allocator's reused heap and mostly in cache. T never drops below {@link #MIN_CHUNK} for it.
     */
    static final long CHUNK_ELEMENTS = 1L << 20;

    /** Smallest chunk the size cap may ask for (the growth bound may still ask for fewer positions). */
    static final int MIN_CHUNK = 16;

    private SelectiveScan() {
    }

    /**
     * Runs the scan.
     *
     * @param x  (B, L, D) input after conv and SiLU
     * @param dt (B, L, D) step sizes after softplus (>= 0)
     * @param a  (D, N) negative state matrix A = -exp(A_log)
     * @param b  (B, L, N) input projection B_t
     * @param c  (B, L, N) output projection C_t
     * @return y (B, L, D), without the D*x skip
     */
    public static NDArray scan(NDArray x, NDArray dt, NDArray a, NDArray b, NDArray c) {
        return scan(x, dt, a, b, c, !x.getDevice().isGpu());
    }

    /**
     * Runs the scan in either formulation (same result): {@code chunkLoop} works one chunk at a time, each
     * chunk's (B, T, D, N) tensors small (the CPU's choice, see the class comment); otherwise every chunk's
     * tensors are computed at once over the whole (B, L, D, N) and only the carried state loops over chunks,
     * which issues far fewer kernels (the GPU's choice: a training step of the synthetic Mamba-1 measured
     * 38 ms this way against about 100 ms chunk by chunk on an H200, docs/GPU.md).
     */
    static NDArray scan(NDArray x, NDArray dt, NDArray a, NDArray b, NDArray c, boolean chunkLoop) {
        Shape s = x.getShape();
        long batch = s.get(0);
        long len = s.get(1);
        long d = s.get(2);
        long n = a.getShape().get(1);
        if (!dt.getShape().equals(s) || a.getShape().get(0) != d || !b.getShape().equals(new Shape(batch, len, n))
                || !c.getShape().equals(b.getShape())) {
            throw new IllegalArgumentException("selective scan: shapes x " + s + ", dt " + dt.getShape() + ", A "
                    + a.getShape() + ", B " + b.getShape() + ", C " + c.getShape() + " do not agree");
        }
        // The size cap is for the chunk loop (the CPU's allocator and caches); the whole-sequence form takes
        // the longest chunks the growth bound allows.
        int t = chunkLength(dt, a, len, chunkLoop ? batch * d * n : 1);
        int chunks = (int) ((len + t - 1) / t);
        long padded = (long) chunks * t;

        // Pad the small (B, L, .) inputs, never a (B, ., D, N) product: trailing dt = 0 means decay 1 and
        // no input, invisible to earlier positions.
        NDArray steps = dt;
        NDArray drive = dt.mul(x);
        NDArray bb = b;
        NDArray cc = c;
        if (padded > len) {
            Shape pad = new Shape(0, 0, 0, padded - len);
            steps = steps.pad(pad, 0);
            drive = drive.pad(pad, 0);
            bb = bb.pad(pad, 0);
            cc = cc.pad(pad, 0);
        }
        // S'_t / A = sum of dt over (chunk start, t], every chunk at once on (B, L, D). The chunk's first step
        // is left out of S' and applied to the carried state instead, so a chunk of one position never
        // exponentiates anything large.
        NDArray steps4 = steps.reshape(batch, chunks, t, d);
        NDArray first = steps4.get(":, :, :1");                                            // (B, c, 1, D)
        NDArray time = steps4.cumSum(2).sub(first).expandDims(4);                          // (B, c, T, D, 1)
        NDArray firstDecay = first.expandDims(4).mul(a).exp();                             // (B, c, 1, D, N)
        NDArray drive5 = drive.reshape(batch, chunks, t, d, 1);
        NDArray b5 = bb.reshape(batch, chunks, t, 1, n);
        NDArray c5 = cc.reshape(batch, chunks, t, n, 1);
        NDArray y = (chunkLoop ? chunkByChunk(time, firstDecay, drive5, b5, c5, a, chunks)
                : wholeSequence(time, firstDecay, drive5, b5, c5, a, chunks)).reshape(batch, padded, d);
        return padded > len ? y.get(":, :{}, :", len) : y;
    }

    /** One chunk at a time; returns (B, c, T, D, 1). */
    private static NDArray chunkByChunk(NDArray time, NDArray firstDecay, NDArray drive, NDArray b, NDArray c,
                                        NDArray a, int chunks) {
        NDList times = time.split(chunks, 1);                                              // (B, 1, T, D, 1)
        NDList firstDecays = firstDecay.split(chunks, 1);                                  // (B, 1, 1, D, N)
        NDList drives = drive.split(chunks, 1);
        NDList bs = b.split(chunks, 1);
        NDList cs = c.split(chunks, 1);
        NDArray negA = a.neg();
        NDArray[] ys = new NDArray[chunks];
        NDArray state = null;                                                              // (B, 1, 1, D, N)
        for (int i = 0; i < chunks; i++) {
            NDArray growth = times.get(i).mul(a).exp();                                    // exp(S'_t) >= e^-60
            // exp(-S') from -A rather than 1 / exp(S'): the backward of a division squares exp(S'), which
            // underflows to 0 in float32 below e^-52 and turns the gradient into NaN.
            NDArray shrink = times.get(i).mul(negA).exp();                                 // <= e^60
            NDArray acc = drives.get(i).mul(bs.get(i)).mul(shrink).cumSum(2);              // sum exp(-S'_s) u_s
            if (state != null) {
                acc = acc.add(firstDecays.get(i).mul(state));
            }
            NDArray h = growth.mul(acc);                                                   // (B, 1, T, D, N)
            ys[i] = h.matMul(cs.get(i));                                                   // (B, 1, T, D, 1)
            if (i + 1 < chunks) {
                state = h.get(":, :, -1:");
            }
        }
        return chunks == 1 ? ys[0] : NDArrays.concat(new NDList(ys), 1);
    }

    /** Every chunk at once, the carried state in a loop of three small ops per chunk; returns (B, c, T, D, 1). */
    private static NDArray wholeSequence(NDArray time, NDArray firstDecay, NDArray drive, NDArray b, NDArray c,
                                         NDArray a, int chunks) {
        NDArray growth = time.mul(a).exp();                                                // exp(S'_t) >= e^-60
        NDArray shrink = time.mul(a.neg()).exp();                                          // <= e^60, as above
        NDArray acc = drive.mul(b).mul(shrink).cumSum(2);                                  // sum exp(-S'_s) u_s
        if (chunks > 1) {
            acc = acc.add(carriedStates(growth, acc, firstDecay, chunks).expandDims(2));
        }
        return growth.mul(acc).matMul(c);
    }

    /**
     * The entering state of every chunk already decayed by the chunk's first step, (B, chunks, D, N):
     * a loop over chunks only. The state leaving chunk i is exp(S'_end) * (acc_end + carried_i).
     */
    private static NDArray carriedStates(NDArray growth, NDArray acc, NDArray firstDecay, int chunks) {
        NDList endGrowth = growth.get(":, :, -1").split(chunks, 1);      // (B, 1, D, N) each
        NDList endAcc = acc.get(":, :, -1").split(chunks, 1);
        NDList decay = firstDecay.squeeze(2).split(chunks, 1);
        NDArray[] carried = new NDArray[chunks];
        carried[0] = endAcc.get(0).zerosLike();
        NDArray leaving = endGrowth.get(0).mul(endAcc.get(0));
        for (int i = 1; i < chunks; i++) {
            carried[i] = decay.get(i).mul(leaving);
            if (i + 1 < chunks) {
                leaving = endGrowth.get(i).mul(endAcc.get(i).add(carried[i]));
            }
        }
        return NDArrays.concat(new NDList(carried), 1);
    }

    /**
     * Chunk length T for this call: the largest T with (T - 1) * max(dt) * max|A| <= {@link #MAX_LOG_GROWTH}
     * and, unless that already asks for fewer, T * B * D * N <= {@link #CHUNK_ELEMENTS} (at least
     * {@link #MIN_CHUNK}); capped at L and balanced so the last chunk is not mostly padding. Reads one scalar
     * from the device.
     *
     * @param perPosition B * D * N, the floats one position adds to a chunk's (B, T, D, N) tensors
     */
    static int chunkLength(NDArray dt, NDArray a, long len, long perPosition) {
        double bound = HostReads.scalar(dt.max().mul(a.neg().max()));
        long max = bound > 0 && Double.isFinite(bound) ? (long) Math.min(len, 1 + Math.floor(MAX_LOG_GROWTH / bound))
                : len;
        long bySize = Math.max(MIN_CHUNK, CHUNK_ELEMENTS / Math.max(1, perPosition));
        max = Math.max(1, Math.min(Math.min(max, bySize), len));
        long chunks = (len + max - 1) / max;
        return (int) ((len + chunks - 1) / chunks);
    }
}
