package org.haxlab.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.haxlab.model.nd.Params;
import org.haxlab.model.sparse.SparseBranch;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.trace.DecayTrace;
import org.haxlab.model.trace.ForwardOptions;

import java.util.Random;

/**
 * The Mamba-2 mixer (spec §2) with the optional sparse branch (spec §3), one group of B and C:
 * in_proj -> (z, xBC, dt); xBC -> causal depthwise conv -> SiLU -> (x, B, C); dt = softplus(dt + dt_bias);
 * y = SSD(x) + D*x (D per head); out = out_proj(RMSNormGated(y + E*O, z)).
 */
public final class Mamba2Mixer implements Mixer {

    private final int layer;
    private final int dInner;
    private final int dState;
    private final int heads;
    private final int chunk;
    private final NDArray inProj;
    private final NDArray convWeight;
    private final NDArray convBias;
    private final NDArray dtBias;
    private final NDArray aLog;
    private final NDArray skip;
    private final NDArray norm;
    private final NDArray outProj;
    private final SparseBranch branch;

    /**
     * Registers the layer's weights under {@code prefix} (e.g. {@code layers.0.mixer.}) in creation order
     * in_proj, conv_weight, conv_bias, dt_bias, A_log, D, norm, out_proj; the branch, when the pattern has
     * one, under {@code prefix + "attn."} from {@code branchRng}.
     *
     * @param chunk SSD chunk length (positions per diagonal block)
     */
    public Mamba2Mixer(ModelConfig config, int layer, Params params, String prefix, Random rng, Random branchRng,
                       int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("Mamba-2 mixer: SSD chunk length " + chunk + " must be >= 1");
        }
        this.layer = layer;
        this.chunk = chunk;
        int dModel = config.dModel();
        dInner = config.dInner();
        dState = config.dState();
        heads = config.heads();
        int convWidth = dInner + 2 * dState;
        inProj = MambaInit.linear(params, prefix + "in_proj", 2 * dInner + 2 * dState + heads, dModel, 1, rng);
        NDArray[] conv = MambaInit.conv(params, prefix, convWidth, config.convKernel(), rng);
        convWeight = conv[0];
        convBias = conv[1];
        dtBias = MambaInit.dtBias(params, prefix + "dt_bias", heads, rng);
        float[] aInit = new float[heads];
        for (int i = 0; i < heads; i++) {
            aInit[i] = (float) Math.log(1 + 15 * rng.nextDouble());   // A ~ U(1, 16)
        }
        aLog = params.add(prefix + "A_log", new Shape(heads), aInit);
        skip = params.constant(prefix + "D", new Shape(heads), 1f);
        norm = params.constant(prefix + "norm", new Shape(dInner), 1f);
        outProj = MambaInit.linear(params, prefix + "out_proj", dModel, dInner, 1 / Math.sqrt(config.layers()), rng);
        branch = config.sparse().pattern().hasAttention()
                ? new SparseBranch(config.sparse(), dInner, dState, layer, params, prefix + "attn.", branchRng)
                : null;
    }

    @Override
    public Output forward(NDArray h, NDArray padMask, ForwardOptions options) {
        LayerTraces.checkSingle(h, options);
        long batch = h.getShape().get(0);
        long len = h.getShape().get(1);
        NDList zxdt = Layers.linear(h, inProj).split(new long[] {dInner, 2L * dInner + 2L * dState}, 2);
        NDArray z = zxdt.get(0);
        NDArray xbc = Layers.silu(Layers.causalConv(zxdt.get(1), convWeight, convBias));
        NDList parts = xbc.split(new long[] {dInner, dInner + dState}, 2);
        NDArray x = parts.get(0);                              // the branch's input (spec §3)
        NDArray dt = Activation.softPlus(zxdt.get(2).add(dtBias));
        NDArray a = aLog.exp().neg();
        NDArray skipTerm = x.reshape(batch, len, heads, dInner / heads).mul(skip.reshape(heads, 1))
                .reshape(batch, len, dInner);
        NDArray ssm = SsdScan.scan(x, dt, a, parts.get(1), parts.get(2), chunk).add(skipTerm);

        NDArray y = ssm;
        SparseBranch.Output attn = null;
        if (branch != null) {
            attn = branch.forward(x, padMask, options);
            y = ssm.add(attn.output());                      // spec §3: SSM(x) + E*O, then the gated norm
        }
        NDArray out = Layers.linear(Layers.rmsNormGated(y, z, norm), outProj);
        if (options.trace() != null) {
            options.trace().accept(LayerTraces.build(layer, ssm, attn == null ? null : attn.trace(), decay(dt, a)));
        }
        return new Output(out, attn == null ? null : attn.gateLoss());
    }

    /** dt and dt*A per (position, head), batch element 0. */
    private DecayTrace decay(NDArray dt, NDArray a) {
        float[] dts = dt.get(0).toFloatArray();
        float[] as = a.toFloatArray();
        int len = dts.length / heads;
        float[] log = new float[dts.length];
        for (int i = 0; i < dts.length; i++) {
            log[i] = dts[i] * as[i % heads];
        }
        return new DecayTrace(Backbone.MAMBA2, len, heads, heads, dState, dts, log);
    }

    @Override
    public void redrawProjection(long seed) {
        if (branch != null) {
            branch.redrawProjection(seed);
        }
    }
}
