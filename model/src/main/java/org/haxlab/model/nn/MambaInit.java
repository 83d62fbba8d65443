package org.haxlab.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.haxlab.model.nd.Params;

import java.util.Random;

/**
 * Initial values shared by both mixers, following the reference Mamba code (mamba_simple / mamba2):
 * PyTorch's default Linear and Conv1d bounds, the dt bias whose softplus is log-uniform in
 * [dt_min, dt_max], and out_proj rescaled by 1/sqrt(layers) (one residual per block, no MLP).
 */
final class MambaInit {

    static final double DT_MIN = 0.001;
    static final double DT_MAX = 0.1;
    static final double DT_FLOOR = 1e-4;

    private MambaInit() {
    }

    /** PyTorch Linear default: U(+-1/sqrt(fan_in)), weight (out, in), times {@code scale}. */
    static NDArray linear(Params params, String name, int out, int in, double scale, Random rng) {
        return params.uniform(name, new Shape(out, in), scale / Math.sqrt(in), rng);
    }

    /** Depthwise Conv1d default: fan_in = kernel, so U(+-1/sqrt(K)) for weight (C, K) and bias (C). */
    static NDArray[] conv(Params params, String prefix, int channels, int kernel, Random rng) {
        double bound = 1 / Math.sqrt(kernel);
        NDArray w = params.uniform(prefix + "conv_weight", new Shape(channels, kernel), bound, rng);
        NDArray b = params.uniform(prefix + "conv_bias", new Shape(channels), bound, rng);
        return new NDArray[] {w, b};
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
