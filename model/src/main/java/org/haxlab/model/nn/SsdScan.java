package org.haxlab.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.haxlab.model.nd.HostArrays;

/**
 * Mamba-2's scan in the chunked "state space duality" form (spec §2), one group of B and C shared by
 * all heads: h_t = exp(dt_t A_h) h_{t-1} + dt_t x_t B_t^T (state (heads, head_dim, N)), y_t = h_t C_t.
 *
 * <p>Inside a chunk the output is a masked matmul with the decay matrix exp(segsum(dt*A)); the state
 * each chunk leaves is a matmul too, and the states entering the chunks come from the segsum over the
 * chunk totals (one more small matmul), so nothing loops over positions or chunks. segsum builds the
 * partial sums with a masked cumsum rather than differences of one cumsum, so every exponent is <= 0
 * and nothing overflows or cancels. The skip term D*x is added by the mixer.
 */
public final class SsdScan {

    private SsdScan() {
    }

    /**
     * Runs the scan.
     *
     * @param x     (B, L, H * P) input after conv and SiLU, head-major channels
     * @param dt    (B, L, H) step sizes after softplus
     * @param a     (H) negative decay rates A = -exp(A_log)
     * @param b     (B, L, N)
     * @param c     (B, L, N)
     * @param chunk chunk length T (positions per diagonal block); capped at L
     * @return y (B, L, H * P), without the D*x skip
     */
    public static NDArray scan(NDArray x, NDArray dt, NDArray a, NDArray b, NDArray c, int chunk) {
        Shape s = x.getShape();
        long batch = s.get(0);
        long len = s.get(1);
        long heads = a.getShape().get(0);
        long n = b.getShape().get(2);
        if (chunk < 1 || s.get(2) % heads != 0 || !dt.getShape().equals(new Shape(batch, len, heads))
                || !b.getShape().equals(new Shape(batch, len, n)) || !c.getShape().equals(b.getShape())) {
            throw new IllegalArgumentException("SSD scan: shapes x " + s + ", dt " + dt.getShape() + ", A "
                    + a.getShape() + ", B " + b.getShape() + ", C " + c.getShape() + " or chunk " + chunk
                    + " do not agree");
        }
        long p = s.get(2) / heads;
        int t = (int) Math.min(chunk, len);
        long chunks = (len + t - 1) / t;
        long padded = chunks * t;

        NDArray logDecay = dt.mul(a);                                            // (B, L, H)
        NDArray xdt = x.reshape(batch, len, heads, p).mul(dt.expandDims(3));    // (B, L, H, P)
        NDArray bb = b;
        NDArray cc = c;
        if (padded > len) {
            // Trailing padding with dt = 0: decay 1 and no input, invisible to earlier positions.
            long extra = padded - len;
            logDecay = logDecay.pad(new Shape(0, 0, 0, extra), 0);
            xdt = xdt.pad(new Shape(0, 0, 0, 0, 0, extra), 0);
            bb = b.pad(new Shape(0, 0, 0, extra), 0);
            cc = c.pad(new Shape(0, 0, 0, extra), 0);
        }
        NDArray xs = xdt.reshape(batch, chunks, t, heads, p).transpose(0, 3, 1, 2, 4);  // (B, H, c, T, P)
        NDArray as = logDecay.reshape(batch, chunks, t, heads).transpose(0, 3, 1, 2);   // (B, H, c, T)
        NDArray bs = bb.reshape(batch, 1, chunks, t, n);                                // (B, 1, c, T, N)
        NDArray cs = cc.reshape(batch, 1, chunks, t, n);

        // 1. Within chunks: y = (C B^T * exp(segsum)) x.
        NDArray scores = cs.matMul(bs.transpose(0, 1, 2, 4, 3));                        // (B, 1, c, T, T)
        NDArray y = scores.mul(segsumExp(as)).matMul(xs);                               // (B, H, c, T, P)
        if (chunks > 1) {
            NDArray cum = as.cumSum(3);                                                 // (B, H, c, T)
            NDArray total = cum.get(":, :, :, -1:");                                    // (B, H, c, 1)
            // 2. The state each chunk leaves, from its own inputs only: (B, H, c, P, N).
            NDArray leaving = xs.mul(total.sub(cum).exp().expandDims(4)).transpose(0, 1, 2, 4, 3).matMul(bs);
            // 3. The state entering chunk z: sum over j < z of exp(totals of chunks j+1..z-1) * leaving_j.
            NDManager m = as.getManager();
            NDArray totals = m.zeros(new Shape(batch, heads, 1), as.getDataType(), as.getDevice())
                    .concat(total.reshape(batch, heads, chunks), 2);                   // (B, H, c+1)
            NDArray carry = segsumExp(totals).get(":, :, :-1, 1:");                     // (B, H, c, c)
            NDArray entering = carry.matMul(leaving.reshape(batch, heads, chunks, p * n))
                    .reshape(batch, heads, chunks, p, n);
            // 4. What the entering state adds to every position of the chunk.
            y = y.add(cs.matMul(entering.transpose(0, 1, 2, 4, 3)).mul(cum.exp().expandDims(4)));
        }
        y = y.transpose(0, 2, 3, 1, 4).reshape(batch, padded, heads * p);
        return padded > len ? y.get(":, :{}, :", len) : y;
    }

    /**
     * exp(segsum(v)) over the last axis: out[..., i, j] = exp(v[j+1] + ... + v[i]) for j <= i, 0 above
     * the diagonal. Built as a cumsum of the strictly-lower-masked repeat, so no exponent is positive.
     */
    static NDArray segsumExp(NDArray v) {
        int last = v.getShape().dimension() - 1;
        int t = (int) v.getShape().get(last);
        // the masks come from arange on v's device: built on the host they were two uploads per call, each a
        // synchronisation on a GPU (four per layer and step)
        NDManager m = v.getManager();
        NDArray iota = m.arange(0, t, 1, DataType.INT32, v.getDevice());
        NDArray rows = iota.expandDims(1);
        NDArray cols = iota.expandDims(0);
        NDArray strictMask = rows.gt(cols).toType(DataType.FLOAT32, false);
        NDArray lowerMask = rows.gte(cols).toType(DataType.FLOAT32, false);
        // rep[..., i, j] = v[i], kept where i > j, summed over i: entries above the diagonal stay 0.
        return v.expandDims(last + 1).mul(strictMask).cumSum(last).exp().mul(lowerMask);
    }
}
