package org.haxlab.app.cli;

import org.haxlab.model.inspect.Inspection;
import org.haxlab.model.inspect.InspectionJson;
import org.haxlab.model.trace.LayerInspection;
import org.haxlab.model.inspect.QueryPrediction;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;

/**
 * What {@code inspect} is about to print: its estimated size (so a 4,096-token dense model does not write
 * gigabytes of JSON unasked) and whether the model's numbers are finite (JSON cannot hold NaN).
 */
final class InspectSize {

    /** Above this estimate {@code inspect} asks for {@code --positions}, {@code --layers} or {@code --force}. */
    static final long WARN_BYTES = 64L << 20;
    /** JSON bytes per selected key (position, component, weight) and per position (buckets, norms, prediction). */
    static final int KEY_BYTES = 40;
    static final int POSITION_BYTES = 200;
    static final int DECAY_VALUE_BYTES = 12;

    private InspectSize() {
    }

    /** Estimated JSON size of inspecting {@code length} tokens with {@code config} under {@code options}. */
    static long estimate(ModelConfig config, int length, InspectionJson.Options options) {
        int layers = options.layers().isEmpty() ? config.layers() : options.layers().size();
        Pattern pattern = config.sparse().pattern();
        int k = config.sparse().budget();
        long decayValues = config.backbone() == Backbone.MAMBA1
                ? (long) config.dModel() * config.expand() * (options.fullDecay() ? config.dState() : 1)
                : config.heads();
        long perLayer = 0;
        if (options.positions().isEmpty()) {
            for (int p = 0; p < length; p++) {
                perLayer += positionBytes(pattern, k, p, decayValues);
            }
        } else {
            for (int p : options.positions()) {
                perLayer += positionBytes(pattern, k, p, decayValues);
            }
        }
        return perLayer * layers;
    }

    private static long positionBytes(Pattern pattern, int k, int p, long decayValues) {
        long keys = pattern == Pattern.NONE ? 0 : pattern == Pattern.FULL ? p + 1L : Math.min(k, p + 1L);
        return POSITION_BYTES + keys * KEY_BYTES + decayValues * DECAY_VALUE_BYTES;
    }

    /** Where the inspection first holds NaN or an infinity, in words; null when every number is finite. */
    static String firstNonFinite(Inspection inspection) {
        for (QueryPrediction q : inspection.predictions()) {
            if (!Float.isFinite(q.confidence()) || !finite(q.logits())) {
                return "logits at position " + q.position();
            }
        }
        for (LayerInspection l : inspection.layers()) {
            String where = "layer " + l.layer() + " ";
            if (!finite(l.ksScore())) {
                return where + "key-selection scores";
            }
            if (l.selection() != null && !finite(l.selection().weights())) {
                return where + "attention weights";
            }
            if (!finite(l.attnNorm()) || !finite(l.ssmNorm())) {
                return where + "output norms";
            }
            if (l.decay() != null && !finite(l.decay().dt())) {
                return where + "SSM step sizes";
            }
        }
        return null;
    }

    private static boolean finite(float[] values) {
        if (values == null) {
            return true;
        }
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
