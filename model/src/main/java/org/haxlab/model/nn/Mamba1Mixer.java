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
 * The Mamba-1 mixer (spec §2) with the optional sparse branch (spec §3):
 * in_proj -> (x, z); x -> causal depthwise conv -> SiLU; x_proj -> (dt, B, C); dt = softplus(dt_proj(dt));
 * y = scan(x) + D*x; out = out_proj((y + E*O) * SiLU(z)).
 */
public final class Mamba1Mixer implements Mixer {

    private final int layer;
    private final int dInner;
    private final int dState;
    private final int dtRank;
    private final NDArray inProj;
    private final NDArray convWeight;
    private final NDArray convBias;
    private final NDArray xProj;
    private final NDArray dtProj;
    private final NDArray dtBias;
    private final NDArray aLog;
    private final NDArray skip;
    private final NDArray outProj;
    private final SparseBranch branch;
    private final boolean zeroPads;

    /**
     * Registers the layer's weights under {@code prefix} (e.g. {@code layers.0.mixer.}) in creation order
     * in_proj, conv_weight, conv_bias, x_proj, dt_proj, dt_bias, A_log, D, out_proj; the branch, when the
     * pattern has one, under {@code prefix + "attn."} from {@code branchRng}.
     */
    public Mamba1Mixer(ModelConfig config, int layer, Params params, String prefix, Random rng, Random branchRng) {
        this.layer = layer;
        int dModel = config.dModel();
        dInner = config.dInner();
        dState = config.dState();
        dtRank = config.dtRank();
        inProj = MambaInit.linear(params, prefix + "in_proj", 2 * dInner, dModel, rng);
        NDArray[] conv = MambaInit.conv(params, prefix, Backbone.MAMBA1, dInner, config.convKernel(), rng);
        convWeight = conv[0];
        convBias = conv[1];
        xProj = MambaInit.linear(params, prefix + "x_proj", dtRank + 2 * dState, dInner, rng);
        // dt_proj weight: U(+-dt_rank^-0.5) (dt_init "random", dt_scale 1).
        dtProj = params.uniform(prefix + "dt_proj", new Shape(dInner, dtRank), 1 / Math.sqrt(dtRank), rng);
        dtBias = MambaInit.dtBias(params, prefix + "dt_bias", dInner, rng);
        // S4D-real init: A[c, n] = -(n + 1) for every channel.
        float[] aInit = new float[dInner * dState];
        for (int i = 0; i < aInit.length; i++) {
            aInit[i] = (float) Math.log(i % dState + 1);
        }
        aLog = params.add(prefix + "A_log", new Shape(dInner, dState), aInit);
        skip = params.constant(prefix + "D", new Shape(dInner), 1f);
        outProj = MambaInit.outProj(params, prefix + "out_proj", Backbone.MAMBA1, dModel, dInner, config.layers(), rng);
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
        NDList xz = Layers.linear(h, inProj).split(2, 2);
        NDArray x = maskPads(Layers.silu(Layers.causalConv(maskPads(xz.get(0), padMask), convWeight, convBias)),
                padMask);
        NDArray z = xz.get(1);
        NDList dbc = Layers.linear(x, xProj).split(new long[] {dtRank, dtRank + dState}, 2);
        NDArray dt = Activation.softPlus(Layers.linear(dbc.get(0), dtProj, dtBias));
        NDArray a = aLog.exp().neg();
        PhaseTimer.mark("mixer.in", dt);
        NDArray ssm = SelectiveScan.scan(x, dt, a, dbc.get(1), dbc.get(2)).add(x.mul(skip));
        PhaseTimer.mark("mixer.scan", ssm);

        NDArray y = ssm;
        SparseBranch.Output attn = null;
        if (branch != null) {
            attn = branch.forward(x, padMask, options);
            y = ssm.add(attn.output());                      // spec §3: SSM(x) + E*O, before the gate
        }
        NDArray out = Layers.linear(y.mul(Layers.silu(z)), outProj);
        PhaseTimer.mark("mixer.out", out);
        if (options.trace() != null) {
            options.trace().accept(LayerTraces.build(layer, ssm, attn == null ? null : attn.trace(), decay(dt, a)));
        }
        return new Output(out, attn == null ? null : attn.gateLoss());
    }

    /** dt per (position, channel) and dt*A per (position, channel * N + state), batch element 0. */
    private DecayTrace decay(NDArray dt, NDArray a) {
        float[] dts = HostReads.floats(dt.get(0));
        float[] as = HostReads.floats(a);
        int len = dts.length / dInner;
        float[] log = new float[len * dInner * dState];
        for (int t = 0; t < len; t++) {
            for (int c = 0; c < dInner; c++) {
                float step = dts[t * dInner + c];
                int base = (t * dInner + c) * dState;
                for (int n = 0; n < dState; n++) {
                    log[base + n] = step * as[c * dState + n];
                }
            }
        }
        return new DecayTrace(Backbone.MAMBA1, len, dInner, dInner * dState, dState, dts, log);
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
