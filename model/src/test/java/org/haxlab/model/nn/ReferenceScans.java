package org.haxlab.model.nn;

/**
 * The test oracle: the plain per-token recurrences of both scans, in double precision on the host,
 * written straight from the definitions (spec §2) and sharing no code with the chunked versions.
 */
final class ReferenceScans {

    private ReferenceScans() {
    }

    /**
     * Mamba-1: h_t[d][n] = exp(dt_t[d] A[d][n]) h_{t-1}[d][n] + dt_t[d] B_t[n] x_t[d]; y_t[d] = sum_n C_t[n] h_t[d][n].
     * Arrays are row-major: x, dt (B, L, D); a (D, N); b, c (B, L, N). Returns y (B, L, D).
     */
    static double[] mamba1(float[] x, float[] dt, float[] a, float[] b, float[] c, int batch, int len, int d, int n) {
        double[] y = new double[batch * len * d];
        for (int s = 0; s < batch; s++) {
            double[] h = new double[d * n];
            for (int t = 0; t < len; t++) {
                int row = (s * len + t);
                for (int ch = 0; ch < d; ch++) {
                    double step = dt[row * d + ch];
                    double acc = 0;
                    for (int k = 0; k < n; k++) {
                        int idx = ch * n + k;
                        h[idx] = Math.exp(step * a[idx]) * h[idx] + step * b[row * n + k] * x[row * d + ch];
                        acc += c[row * n + k] * h[idx];
                    }
                    y[row * d + ch] = acc;
                }
            }
        }
        return y;
    }

    /**
     * Mamba-2 with one B/C group: h_t[hd][p][n] = exp(dt_t[hd] A[hd]) h_{t-1} + dt_t[hd] x_t[hd][p] B_t[n];
     * y_t[hd][p] = sum_n h_t[hd][p][n] C_t[n]. x (B, L, H*P), dt (B, L, H), a (H), b, c (B, L, N).
     */
    static double[] mamba2(float[] x, float[] dt, float[] a, float[] b, float[] c, int batch, int len, int heads,
                           int p, int n) {
        double[] y = new double[batch * len * heads * p];
        for (int s = 0; s < batch; s++) {
            double[] h = new double[heads * p * n];
            for (int t = 0; t < len; t++) {
                int row = s * len + t;
                for (int hd = 0; hd < heads; hd++) {
                    double step = dt[row * heads + hd];
                    double decay = Math.exp(step * a[hd]);
                    for (int q = 0; q < p; q++) {
                        int ch = hd * p + q;
                        double xv = x[row * heads * p + ch];
                        double acc = 0;
                        for (int k = 0; k < n; k++) {
                            int idx = ch * n + k;
                            h[idx] = decay * h[idx] + step * xv * b[row * n + k];
                            acc += h[idx] * c[row * n + k];
                        }
                        y[row * heads * p + ch] = acc;
                    }
                }
            }
        }
        return y;
    }
}
