package org.haxlab.model.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Turns PyTorch's autograd recording off on the current thread for a block, restoring the previous mode
 * on close. // #djl-pytorch: grad mode is thread-local in PyTorch; DJL switches it off only on the thread
 * that loaded the engine, so on any other thread (the app's model executor, a test's worker) an in-place
 * weight update would fail with "a leaf Variable that requires grad is being used in an in-place operation"
 * and evaluation would record graphs. A {@code GradientCollector} inside the block switches it back on.
 */
public final class NoGrad implements AutoCloseable {

    private final boolean pytorch;
    private final boolean previous;

    private NoGrad(Engine engine) {
        pytorch = "PyTorch".equals(engine.getEngineName());
        previous = pytorch && JniUtils.isGradMode();
        if (pytorch) {
            JniUtils.setGradMode(false);
        }
    }

    /** Grad mode off for {@code engine} on this thread until {@link #close()}. */
    public static NoGrad of(Engine engine) {
        return new NoGrad(engine);
    }

    @Override
    public void close() {
        if (pytorch) {
            JniUtils.setGradMode(previous);
        }
    }
}
