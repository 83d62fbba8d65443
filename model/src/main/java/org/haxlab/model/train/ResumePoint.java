package org.haxlab.model.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A checkpoint read back for resuming, validated: its weights and record, its {@link ResumeState} and host
 * copies of the AdamW moments. Host arrays make a run folder portable: it resumes on any device.
 *
 * @param checkpoint the weights and run record
 * @param state      where the run stood
 * @param first      AdamW first moments by parameter name
 * @param second     AdamW second moments by parameter name
 */
public record ResumePoint(Checkpoint checkpoint, ResumeState state, Map<String, float[]> first,
                          Map<String, float[]> second) {

    public ResumePoint {
        first = Collections.unmodifiableMap(new LinkedHashMap<>(first));
        second = Collections.unmodifiableMap(new LinkedHashMap<>(second));
    }
}
