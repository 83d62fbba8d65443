package org.haxlab.model.train;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A checkpoint read from disk and validated (format, version, hash, names, shapes).
 *
 * <p>Shares the weight arrays (every weight of the model; copying them would double a load's memory): the
 * store hands over arrays it never touches again, and readers copy them into a model, never write into them.
 *
 * @param dir     the checkpoint directory it was read from (e.g. {@code run/best})
 * @param record  its {@code run.json}
 * @param weights host copies of the arrays by name, in saved order; shapes are in {@link RunRecord#shapes()}
 */
public record Checkpoint(Path dir, RunRecord record, Map<String, float[]> weights) {

    public Checkpoint {
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }
}
