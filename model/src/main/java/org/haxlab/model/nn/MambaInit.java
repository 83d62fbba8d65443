package org.haxlab.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.haxlab.model.nd.InitScheme;
import org.haxlab.model.nd.Params;
import org.haxlab.model.trace.Backbone;

import java.util.Random;

/**
 * Initial values shared by both mixers, following the reference Mamba code (mamba_simple / mamba2) under the
 * model's {@link InitScheme}: Linear weights per {@link Params#linearWeight}, the conv per scheme and backbone,
 * the dt bias whose softplus is log-uniform in [dt_min, dt_max] (both schemes), and out_proj as
 * {@link #outProj} says.
 */
final class MambaInit {

    static final double DT_MIN = 0.001;
    static final double DT_MAX = 0.1;
    static final double DT_FLOOR = 1e-4;

    private MambaInit() {
    }

    /** A bias-free Linear weight (out, in) under the model's scheme ({@link Params#linearWeight}). */
    static NDArray linear(Params params, String name, int out, int in, Random rng) {
        return params.linearWeight(name, new Shape(out, in), in, rng);
    }

    /**
     * out_proj (d_model, d_inner). {@link InitScheme#TORCH}: U(+-1/sqrt(d_inner)) / sqrt(layers) for both
     * backbones. {@link InitScheme#RELEASED}: Mamba-2 the same (its config's {@code rescale_prenorm_residual}
     * re-draws it with kaiming_uniform(a = sqrt 5), PyTorch's default bound, over sqrt(layers)); Mamba-1 a plain
     * N(0, 0.1) Linear (its config turns the rescaling off).
     */
    static NDArray outProj(Params params, String name, Backbone backbone, int dModel, int dInner, int layers,
                           Random rng) {
        if (params.init() == InitScheme.RELEASED && backbone == Backbone.MAMBA1) {
            return linear(params, name, dModel, dInner, rng);
        }
        double scale = 1 / Math.sqrt(layers);
        return params.uniform(name, new Shape(dModel, dInner), scale / Math.sqrt(dInner), rng);
    }

    /**
     * The depthwise Conv1d, weight (C, K) and bias (C). PyTorch's default (fan_in = K: U(+-1/sqrt(K)) for both)
     * except for a Mamba-2 under {@link InitScheme#RELEASED}, whose init treats the conv like a Linear:
     * N(0, 0.1) weight, zero bias. (The released Mamba-1 init resets the conv to PyTorch's default.)
     */
    static NDArray[] conv(Params params, String prefix, Backbone backbone, int channels, int kernel, Random rng) {
        if (params.init() == InitScheme.RELEASED && backbone == Backbone.MAMBA2) {
            NDArray w = params.normal(prefix + "conv_weight", new Shape(channels, kernel),
                    InitScheme.INITIALIZER_RANGE, rng);
            NDArray b = params.constant(prefix + "conv_bias", new Shape(channels), 0f);
            return new NDArray[] {w, b};
        }
        double bound = 1 / Math.sqrt(kernel);
        NDArray w = params.uniform(prefix + "conv_weight", new Shape(channels, kernel), bound, rng);
        NDArray b = params.uniform(prefix + "conv_bias", new Shape(channels), bound, rng);
        return new NDArray[] {w, b};
    }

    /**
     * Mamba-2's A_log per head. {@link InitScheme#RELEASED}: A = 1, 2, ..., heads (the released
     * {@code A = arange(1, heads + 1)}; 1..8 at 8 heads), nothing drawn. {@link InitScheme#TORCH}: A ~ U(1, 16).
     */
    static float[] mamba2ALog(InitScheme init, int heads, Random rng) {
        float[] a = new float[heads];
        for (int i = 0; i < heads; i++) {
            a[i] = init == InitScheme.RELEASED ? (float) Math.log(i + 1) : (float) Math.log(1 + 15 * rng.nextDouble());
        }
        return a;
    }

    /**
     * dt bias such that softplus(bias) is log-uniform in [0.001, 0.1] (floored at 1e-4):
     * bias = dt + log(-expm1(-dt)), the inverse of softplus.
     */
    static NDArray dtBias(Params params, String name, int size, Random rng) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            double dt = Math.exp(rng.nextDouble() * (Math.log(DT_MAX) - Math.log(DT_MIN)) + Math.log(DT_MIN));
            dt = Math.max(dt, DT_FLOOR);
            v[i] = (float) (dt + Math.log(-Math.expm1(-dt)));
        }
        return params.add(name, new Shape(size), v);
    }

    /** softplus, for tests and host-side checks of {@link #dtBias}. */
    static double softplus(double x) {
        return x > 20 ? x : Math.log1p(Math.exp(x));
    }
}
