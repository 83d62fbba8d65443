package org.haxlab.model.train;

import ai.djl.ndarray.NDArray;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's complete state at a checkpoint, handed to {@link TrainingListener#onCheckpoint}: the
 * {@link ResumeState} and the AdamW moments by parameter name. The moment arrays are the optimiser's live
 * arrays on the training device: read (or encode) them during the call only, never keep or change them.
 * The weights are the model's params at the same moment.
 *
 * @param state  step, data stream, best-so-far record, schedule position
 * @param first  AdamW first moments by parameter name, in params order
 * @param second AdamW second moments by parameter name, in params order
 */
public record TrainingSnapshot(ResumeState state, Map<String, NDArray> first, Map<String, NDArray> second) {

    public TrainingSnapshot {
        first = Collections.unmodifiableMap(new LinkedHashMap<>(first));
        second = Collections.unmodifiableMap(new LinkedHashMap<>(second));
    }
}
