package org.haxlab.model.train;

import ai.djl.ndarray.NDArray;
import org.haxlab.model.nn.ForwardOutput;
import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.trace.ForwardOptions;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Test wrapper: after every forward (so between the trainer's forward and its backward) lets the collector
 * free every unreachable direct buffer and refills freed native memory with 0xFF bytes (a NaN pattern), kept
 * allocated until the next forward. A graph that holds memory owned by a Java buffer then reads garbage in
 * its backward; one whose tensors own their memory is not affected.
 */
final class GcAfterForward extends ForwardingModel {

    private List<ByteBuffer> poison = List.of();

    GcAfterForward(SequenceModel inner) {
        super(inner);
    }

    SequenceModel inner() {
        return inner;
    }

    @Override
    public ForwardOutput forward(NDArray tokens, ForwardOptions options) {
        ForwardOutput out = inner.forward(tokens, options);
        poison = List.of();
        poison = collectAndRefill();
        return out;
    }

    @Override
    public void close() {
        poison = List.of();
        super.close();
    }

    /** Collects (twice, letting the cleaner run), then allocates 0xFF-filled direct buffers of many sizes. */
    static List<ByteBuffer> collectAndRefill() {
        for (int i = 0; i < 2; i++) {
            System.gc();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<ByteBuffer> keep = new ArrayList<>();
        for (int size = 4; size <= 1 << 14; size *= 2) {
            for (int n = 0; n < 16; n++) {
                ByteBuffer b = ByteBuffer.allocateDirect(size);
                while (b.hasRemaining()) {
                    b.put((byte) 0xFF);
                }
                keep.add(b);
            }
        }
        return keep;
    }
}
