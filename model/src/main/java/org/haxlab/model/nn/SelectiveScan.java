package org.haxlab.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Mamba-1's selective scan (spec §2), vectorised over chunks of positions:
 * h_t = exp(dt_t A) * h_{t-1} + dt_t B_t x_t (state (B, d_inner, N)), y_t = C_t . h_t.
 *
 * <p>Within a chunk of T positions starting at position f let S'_t = A * (dt_{f+1} + ... + dt_t) (<= 0).
 * Then h_t = exp(S'_t) * (exp(dt_f A) h_in + cumsum_{s<=t} exp(-S'_s) dt_s B_s x_s), two cumsums and no
 * per-token loop (the first on (B, L, D) only, because A does not change over time).
 * exp(-S') grows within a chunk, so T is chosen per call such that (T - 1) * max|dt*A| stays below
 * {@link #MAX_LOG_GROWTH} (float32 overflows near e^88); only the state carried between chunks is a
 * Java loop, L / T iterations of three small ops. The result is exact (no truncation) for every dt.
 * The skip term D*x is added by the mixer.
 */
public final class SelectiveScan {

    /** Largest |S| allowed inside one chunk; e^60 ~ 1e26 leaves room for |dt B x| before float32 overflow. */
    public static final double MAX_LOG_GROWTH = 60.0;

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
        int t = chunkLength(dt, a, len);
        long chunks = (len + t - 1) / t;
        long padded = chunks * t;

        // Pad the small (B, L, .) inputs, not the (B, L, D, N) products: trailing dt = 0 means decay 1 and
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
        // S'_t = A * (sum of dt over (chunk start, t]): A is constant over time, so the cumsum runs on
        // (B, L, D), not (B, L, D, N). The chunk's first step is left out of S' and applied to the carried
        // state instead, so a chunk of one position never exponentiates anything large.
        NDArray steps4 = steps.reshape(batch, chunks, t, d);
        NDArray first = steps4.get(":, :, :1");                                            // (B, c, 1, D)
        NDArray time = steps4.cumSum(2).sub(first).expandDims(4);                          // (B, c, T, D, 1)
        NDArray growth = time.mul(a).exp();                                                // exp(S'_t) >= e^-60
        // exp(-S') from -A rather than 1 / exp(S'): the backward of a division squares exp(S'), which
        // underflows to 0 in float32 below e^-52 and turns the gradient into NaN.
        NDArray shrink = time.mul(a.neg()).exp();                                          // <= e^60
        NDArray input = drive.reshape(batch, chunks, t, d, 1).mul(bb.reshape(batch, chunks, t, 1, n));
        NDArray acc = input.mul(shrink).cumSum(2);                                         // sum exp(-S'_s) u_s
        if (chunks > 1) {
            NDArray firstDecay = first.expandDims(4).mul(a).exp();                         // (B, c, 1, D, N)
            acc = acc.add(carriedStates(growth, acc, firstDecay, chunks).expandDims(2));
        }
        NDArray h = growth.mul(acc).reshape(batch, padded, d, n);        // every state h_t
        NDArray y = h.matMul(cc.expandDims(3)).reshape(batch, padded, d);
        return padded > len ? y.get(":, :{}, :", len) : y;
    }

    /**
     * The entering state of every chunk already decayed by the chunk's first step, (B, chunks, D, N):
     * a loop over chunks only. The state leaving chunk i is exp(S'_end) * (acc_end + carried_i).
     */
    private static NDArray carriedStates(NDArray growth, NDArray acc, NDArray firstDecay, long chunks) {
        NDList endGrowth = growth.get(":, :, -1").split(chunks, 1);      // (B, 1, D, N) each
        NDList endAcc = acc.get(":, :, -1").split(chunks, 1);
        NDList decay = firstDecay.squeeze(2).split(chunks, 1);
        NDManager m = acc.getManager();
        NDArray[] carried = new NDArray[(int) chunks];
        carried[0] = m.zeros(endAcc.get(0).getShape(), acc.getDataType(), acc.getDevice());
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
     * Chunk length T for this call: the largest T with (T - 1) * max(dt) * max|A| <= {@link #MAX_LOG_GROWTH},
     * capped at L and balanced so the last chunk is not mostly padding. Reads one scalar from the device.
     */
    static int chunkLength(NDArray dt, NDArray a, long len) {
        double bound = dt.max().mul(a.neg().max()).getFloat();
        int max = bound > 0 && Double.isFinite(bound) ? (int) Math.min(len, 1 + Math.floor(MAX_LOG_GROWTH / bound))
                : (int) len;
        max = (int) Math.min(max, len);
        long chunks = (len + max - 1) / max;
        return (int) ((len + chunks - 1) / chunks);
    }
}
