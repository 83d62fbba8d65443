package org.haxlab.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.haxlab.model.nd.HostReads;
import org.haxlab.model.nd.PhaseTimer;
import org.haxlab.model.nd.Params;
import org.haxlab.model.sparse.SparseBranch;
import org.haxlab.model.sparse.SparseConfig;
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
    private final boolean zeroPads;

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
        inProj = MambaInit.linear(params, prefix + "in_proj", 2 * dInner + 2 * dState + heads, dModel, rng);
        NDArray[] conv = MambaInit.conv(params, prefix, Backbone.MAMBA2, convWidth, config.convKernel(), rng);
        convWeight = conv[0];
        convBias = conv[1];
        dtBias = MambaInit.dtBias(params, prefix + "dt_bias", heads, rng);
        aLog = params.add(prefix + "A_log", new Shape(heads), MambaInit.mamba2ALog(params.init(), heads, rng));
        skip = params.constant(prefix + "D", new Shape(heads), 1f);
        norm = params.constant(prefix + "norm", new Shape(dInner), 1f);
        outProj = MambaInit.outProj(params, prefix + "out_proj", Backbone.MAMBA2, dModel, dInner, config.layers(), rng);
        branch = config.sparse().pattern().hasAttention()
                ? new SparseBranch(config.sparse(), dInner, dState, layer, params, prefix + "attn.", branchRng)
                : null;
        // spec §5: the released mixer zeroes its input at PAD (the paper variant only; the SSM is causal and
        // padding trails, so this changes real positions only through the branch's non-causal rules)
        zeroPads = branch != null && config.sparse().variant() == SparseConfig.Variant.PAPER;
    }

    /** {@code x} (B, L, C) with the PAD positions zeroed when this mixer follows the released code, else x. */
    private NDArray maskPads(NDArray x, NDArray padMask) {
        return zeroPads && padMask != null ? x.mul(padMask.expandDims(-1)) : x;
    }

    @Override
    public Output forward(NDArray h, NDArray padMask, ForwardOptions options) {
        LayerTraces.checkSingle(h, options);
        long batch = h.getShape().get(0);
        long len = h.getShape().get(1);
        NDList zxdt = Layers.linear(maskPads(h, padMask), inProj)
                .split(new long[] {dInner, 2L * dInner + 2L * dState}, 2);
        NDArray z = zxdt.get(0);
        NDArray xbc = maskPads(Layers.silu(Layers.causalConv(zxdt.get(1), convWeight, convBias)), padMask);
        NDList parts = xbc.split(new long[] {dInner, dInner + dState}, 2);
        NDArray x = parts.get(0);                              // the branch's input (spec §3)
        NDArray dt = Activation.softPlus(zxdt.get(2).add(dtBias));
        NDArray a = aLog.exp().neg();
        NDArray skipTerm = x.reshape(batch, len, heads, dInner / heads).mul(skip.reshape(heads, 1))
                .reshape(batch, len, dInner);
        PhaseTimer.mark("mixer.in", dt);
        NDArray ssm = SsdScan.scan(x, dt, a, parts.get(1), parts.get(2), chunk).add(skipTerm);
        PhaseTimer.mark("mixer.scan", ssm);

        NDArray y = ssm;
        SparseBranch.Output attn = null;
        if (branch != null) {
            attn = branch.forward(x, padMask, options);
            y = ssm.add(attn.output());                      // spec §3: SSM(x) + E*O, then the gated norm
        }
        NDArray out = Layers.linear(Layers.rmsNormGated(y, z, norm), outProj);
        PhaseTimer.mark("mixer.out", out);
        if (options.trace() != null) {
            options.trace().accept(LayerTraces.build(layer, ssm, attn == null ? null : attn.trace(), decay(dt, a)));
        }
        return new Output(out, attn == null ? null : attn.gateLoss());
    }

    /** dt and dt*A per (position, head), batch element 0. */
    private DecayTrace decay(NDArray dt, NDArray a) {
        float[] dts = HostReads.floats(dt.get(0));
        float[] as = HostReads.floats(a);
        int len = dts.length / heads;
        float[] log = new float[dts.length];
        for (int i = 0; i < dts.length; i++) {
            log[i] = dts[i] * as[i % heads];
        }
        return new DecayTrace(Backbone.MAMBA2, len, heads, heads, dState, dts, log);
    }

    @Override
    public SparseBranch branch() {
        return branch;
    }

    @Override
    public void redrawProjection(long seed) {
        if (branch != null) {
            branch.redrawProjection(seed);
        }
    }
}
