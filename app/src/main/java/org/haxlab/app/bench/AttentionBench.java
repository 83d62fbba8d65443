package org.haxlab.app.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.haxlab.model.nd.Params;
import org.haxlab.model.sparse.SparseBranch;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.trace.ForwardOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Times one {@link AttentionCase} in this JVM: the whole sparse-attention branch of one mixer layer
 * (spec §3: projection to K and Q, selection, attention, gate) on random activations, forward in
 * evaluation mode, then forward + backward in training mode (fresh LSH projection, KS ranking loss).
 * Peak memory is taken per pass with a {@link MemoryProbe}.
 */
public final class AttentionBench {

    private final AttentionSettings settings;
    private final MemoryProbe probe;

    /** A bench with the given settings and memory probe. */
    public AttentionBench(AttentionSettings settings, MemoryProbe probe) {
        this.settings = settings;
        this.probe = probe;
    }

    /** Measures both passes of {@code c}; rows are "fwd" then "fwd+bwd". */
    public List<AttentionRow> run(AttentionCase c) throws Exception {
        return run(c, true, true);
    }

    /** Measures the chosen passes of {@code c}, forward first. */
    public List<AttentionRow> run(AttentionCase c, boolean forward, boolean backward) throws Exception {
        List<AttentionRow> rows = new ArrayList<>();
        SparseConfig config = SparseConfig.paper(c.pattern()).withPath(c.path());
        try (NDManager manager = NDManager.newBaseManager()) {
            Params params = new Params(manager, manager.getDevice());
            SparseBranch branch = new SparseBranch(config, settings.dInner(), settings.dState(), 0, params, "attn.",
                    new Random(2));
            NDArray x = manager.create(gaussian(settings.batch() * c.length() * settings.dInner(), 1),
                    new Shape(settings.batch(), c.length(), settings.dInner()));

            if (forward) {
                probe.reset();
                Stats fwd = Timer.time(settings.warmup(), settings.repetitions(), settings.passSeconds(), () -> {
                    try (NDScope scope = new NDScope()) {
                        branch.forward(x, null, ForwardOptions.eval()).output().sum().getFloat();
                    }
                });
                rows.add(new AttentionRow(c.pattern().id(), c.length(), c.pathName(), AttentionRow.FWD, fwd,
                        probe.peakRssMb(), probe.peakHeapMb(), ""));
            }
            if (!backward) {
                params.close();
                return rows;
            }

            x.setRequiresGradient(true);
            long[] seed = {0};
            probe.reset();
            Stats bwd = Timer.time(settings.warmup(), settings.repetitions(), settings.passSeconds(), () -> {
                try (NDScope scope = new NDScope();
                     GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.zeroGradients();
                    SparseBranch.Output out = branch.forward(x, null, ForwardOptions.train(++seed[0]));
                    NDArray loss = out.output().sum().add(out.gateLoss());
                    gc.backward(loss);
                    x.getGradient().sum().getFloat();  // make sure the backward pass finished
                }
            });
            rows.add(new AttentionRow(c.pattern().id(), c.length(), c.pathName(), AttentionRow.FWD_BWD, bwd,
                    probe.peakRssMb(), probe.peakHeapMb(), ""));
            params.close();
        }
        return rows;
    }

    /** Standard normal values from a fixed seed. */
    static float[] gaussian(int count, long seed) {
        Random rng = new Random(seed);
        float[] v = new float[count];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }
}
