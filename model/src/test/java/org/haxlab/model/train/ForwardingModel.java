package org.haxlab.model.train;

import ai.djl.ndarray.NDArray;
import org.haxlab.model.nd.Params;
import org.haxlab.model.nn.ForwardOutput;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.trace.ForwardOptions;

/** Test support: a model that hands every call to {@code inner}; a test overrides the one call it changes. */
public class ForwardingModel implements SequenceModel {

    /** The model every call goes to. */
    protected final SequenceModel inner;

    public ForwardingModel(SequenceModel inner) {
        this.inner = inner;
    }

    @Override
    public ModelConfig config() {
        return inner.config();
    }

    @Override
    public Params params() {
        return inner.params();
    }

    @Override
    public ForwardOutput forward(NDArray tokens, ForwardOptions options) {
        return inner.forward(tokens, options);
    }

    @Override
    public void redrawProjection(long seed) {
        inner.redrawProjection(seed);
    }

    @Override
    public void close() {
        inner.close();
    }
}
