package org.haxlab.model.trace;

/** Receives one {@link LayerInspection} per mixer layer during an inspection pass (batch size 1). */
@FunctionalInterface
public interface TraceSink {
    void accept(LayerInspection layer);
}
