package org.haxlab.model.nn;

import java.util.Map;

/**
 * Host, double-precision, per-token versions of both mixers written from spec §2 and the reference
 * Mamba code, reading the weights by name: the oracle for the wiring (split order, conv, gates, norms).
 * One sequence, h of shape (L, d_model), returns (L, d_model).
 */
final class ReferenceMixers {

    private ReferenceMixers() {
    }

    private static double silu(double v) {
        return v / (1 + Math.exp(-v));
    }

    private static double softplus(double v) {
        return v > 20 ? v : Math.log1p(Math.exp(v));
    }

    /** out[t][o] = sum_i w[o][i] in[t][i] (+ bias[o]). */
    private static double[][] linear(double[][] in, float[] w, float[] bias, int out) {
        int n = in[0].length;
        double[][] r = new double[in.length][out];
        for (int t = 0; t < in.length; t++) {
            for (int o = 0; o < out; o++) {
                double s = bias == null ? 0 : bias[o];
                for (int i = 0; i < n; i++) {
                    s += w[o * n + i] * in[t][i];
                }
                r[t][o] = s;
            }
        }
        return r;
    }

    /** Columns [from, to) of every row. */
    private static double[][] cols(double[][] m, int from, int to) {
        double[][] r = new double[m.length][to - from];
        for (int t = 0; t < m.length; t++) {
            System.arraycopy(m[t], from, r[t], 0, to - from);
        }
        return r;
    }

    /** SiLU(Conv1d(groups=C, padding=K-1)(x)[:L]). */
    private static double[][] convSilu(double[][] x, float[] w, float[] b, int k) {
        int c = x[0].length;
        double[][] r = new double[x.length][c];
        for (int t = 0; t < x.length; t++) {
            for (int ch = 0; ch < c; ch++) {
                double s = b[ch];
                for (int j = 0; j < k; j++) {
                    int src = t - (k - 1) + j;
                    if (src >= 0) {
                        s += w[ch * k + j] * x[src][ch];
                    }
                }
                r[t][ch] = silu(s);
            }
        }
        return r;
    }

    static double[][] mamba1(ModelConfig cfg, Map<String, float[]> w, String p, double[][] h) {
        int di = cfg.dInner();
        int n = cfg.dState();
        int r = cfg.dtRank();
        int len = h.length;
        double[][] xz = linear(h, w.get(p + "in_proj"), null, 2 * di);
        double[][] x = convSilu(cols(xz, 0, di), w.get(p + "conv_weight"), w.get(p + "conv_bias"), cfg.convKernel());
        double[][] dbc = linear(x, w.get(p + "x_proj"), null, r + 2 * n);
        double[][] dt = linear(cols(dbc, 0, r), w.get(p + "dt_proj"), w.get(p + "dt_bias"), di);
        float[] aLog = w.get(p + "A_log");
        float[] d = w.get(p + "D");
        double[][] state = new double[di][n];
        double[][] g = new double[len][di];
        for (int t = 0; t < len; t++) {
            for (int c = 0; c < di; c++) {
                double step = softplus(dt[t][c]);
                double y = 0;
                for (int s = 0; s < n; s++) {
                    double a = -Math.exp(aLog[c * n + s]);
                    state[c][s] = Math.exp(step * a) * state[c][s] + step * dbc[t][r + s] * x[t][c];
                    y += dbc[t][r + n + s] * state[c][s];
                }
                g[t][c] = (y + d[c] * x[t][c]) * silu(xz[t][di + c]);
            }
        }
        return linear(g, w.get(p + "out_proj"), null, cfg.dModel());
    }

    static double[][] mamba2(ModelConfig cfg, Map<String, float[]> w, String p, double[][] h) {
        int di = cfg.dInner();
        int n = cfg.dState();
        int heads = cfg.heads();
        int hp = cfg.headDim();
        int len = h.length;
        double[][] proj = linear(h, w.get(p + "in_proj"), null, 2 * di + 2 * n + heads);
        double[][] xbc = convSilu(cols(proj, di, 2 * di + 2 * n), w.get(p + "conv_weight"), w.get(p + "conv_bias"),
                cfg.convKernel());
        float[] dtBias = w.get(p + "dt_bias");
        float[] aLog = w.get(p + "A_log");
        float[] d = w.get(p + "D");
        float[] norm = w.get(p + "norm");
        double[][][] state = new double[heads][hp][n];
        double[][] g = new double[len][di];
        for (int t = 0; t < len; t++) {
            double ms = 0;
            for (int hd = 0; hd < heads; hd++) {
                double step = softplus(proj[t][2 * di + 2 * n + hd] + dtBias[hd]);
                double decay = Math.exp(-step * Math.exp(aLog[hd]));
                for (int q = 0; q < hp; q++) {
                    int c = hd * hp + q;
                    double y = 0;
                    for (int s = 0; s < n; s++) {
                        state[hd][q][s] = decay * state[hd][q][s] + step * xbc[t][c] * xbc[t][di + s];
                        y += state[hd][q][s] * xbc[t][di + n + s];
                    }
                    g[t][c] = (y + d[hd] * xbc[t][c]) * silu(proj[t][c]);
                    ms += g[t][c] * g[t][c] / di;
                }
            }
            for (int c = 0; c < di; c++) {
                g[t][c] = g[t][c] / Math.sqrt(ms + Layers.RMS_EPS) * norm[c];
            }
        }
        return linear(g, w.get(p + "out_proj"), null, cfg.dModel());
    }
}
