package org.haxlab.model.train;

/**
 * Learning-rate schedule after a linear warm-up (spec §4: the paper's code warms up linearly, then
 * keeps the rate constant).
 */
public enum Schedule {
    /** Linear warm-up from 0 to the peak rate, then constant (the paper). */
    CONSTANT,
    /** Linear warm-up, then a cosine decay from the peak rate to 0 at the last step. */
    COSINE;

    /**
     * The rate for a 1-based {@code step} of {@code totalSteps}.
     *
     * @param peak        the rate after warm-up
     * @param warmupSteps steps of linear warm-up (0 for none); step s < warm-up gets peak * s / warm-up
     */
    public double rate(double peak, int step, int warmupSteps, int totalSteps) {
        if (step < 1) {
            throw new IllegalArgumentException("schedule: step " + step + " must be >= 1");
        }
        if (warmupSteps > 0 && step <= warmupSteps) {
            return peak * step / warmupSteps;
        }
        if (this == CONSTANT) {
            return peak;
        }
        int decay = Math.max(1, totalSteps - warmupSteps);
        double progress = Math.min(1.0, (step - warmupSteps) / (double) decay);
        return peak * 0.5 * (1 + Math.cos(Math.PI * progress));
    }

    /** Parses a name (case-insensitive); the error lists the accepted names. */
    public static Schedule parse(String text) {
        for (Schedule s : values()) {
            if (s.name().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown schedule '" + text + "' (expected constant or cosine)");
    }
}
