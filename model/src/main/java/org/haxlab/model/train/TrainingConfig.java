package org.haxlab.model.train;

import com.google.gson.JsonObject;

/**
 * How a run trains (spec §4 gives the paper's values).
 *
 * @param steps          optimiser steps to run (the run finishes after this many)
 * @param batchSize      sequences per step (64 in the paper)
 * @param learningRate   peak rate after warm-up ({3e-3, 1e-3, 3e-4} in the paper)
 * @param warmupSteps    linear warm-up steps (5,000 in the paper's code)
 * @param schedule       what follows the warm-up
 * @param weightDecay    AdamW decoupled weight decay (0.01)
 * @param clipNorm       global gradient-norm clip; 0 or less disables clipping
 * @param gateLossWeight weight of the KS gate (ranking) loss in the total loss (0.1, spec §3)
 * @param validateEvery  validate every this many steps (500 in the paper); 0 disables validation
 * @param padTo          0: every batch (training and validation) padded to its longest sequence and fed whole;
 *                       else the task's fixed length and the released collation (spec §5, the paper variant):
 *                       every batch padded to it and fed without its last column ({@code Batch.released})
 * @param seed           seed of the data order and of the per-step LSH projections
 */
public record TrainingConfig(int steps, int batchSize, double learningRate, int warmupSteps, Schedule schedule,
                             double weightDecay, double clipNorm, double gateLossWeight, int validateEvery,
                             int padTo, long seed) {

    public TrainingConfig {
        check(steps >= 1, "steps=" + steps + " must be >= 1");
        check(batchSize >= 1, "batchSize=" + batchSize + " must be >= 1");
        check(learningRate > 0 && Double.isFinite(learningRate), "learningRate=" + learningRate + " must be > 0");
        check(warmupSteps >= 0, "warmupSteps=" + warmupSteps + " must be >= 0");
        check(schedule != null, "schedule is required");
        check(weightDecay >= 0, "weightDecay=" + weightDecay + " must be >= 0");
        check(gateLossWeight >= 0, "gateLossWeight=" + gateLossWeight + " must be >= 0");
        check(validateEvery >= 0, "validateEvery=" + validateEvery + " must be >= 0");
        check(padTo >= 0, "padTo=" + padTo + " must be >= 0");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("training config: " + message);
        }
    }

    /**
     * The paper's optimiser settings (AdamW, wd 0.01, constant after warm-up, gate weight 0.1) plus
     * clipping at 1.0 (a HAX Lab choice for short desktop runs; spec §4 does not mention clipping) for a given length, batch, rate and seed; warm-up is a tenth of the run
     * capped at the paper's 5,000 steps, validation every 500 steps or a tenth of the run.
     */
    public static TrainingConfig defaults(int steps, int batchSize, double learningRate, long seed) {
        int warm = Math.min(5000, steps / 10);
        int val = Math.max(1, Math.min(500, steps / 10));
        return new TrainingConfig(steps, batchSize, learningRate, warm, Schedule.CONSTANT, 0.01, 1.0, 0.1, val, 0, seed);
    }

    /** Learning rate at a 1-based step. */
    public double rateAt(int step) {
        return schedule.rate(learningRate, step, warmupSteps, steps);
    }

    /** This config with another number of steps. */
    public TrainingConfig withSteps(int s) {
        return new TrainingConfig(s, batchSize, learningRate, warmupSteps, schedule, weightDecay, clipNorm,
                gateLossWeight, validateEvery, padTo, seed);
    }

    /** This config with another peak learning rate. */
    public TrainingConfig withLearningRate(double lr) {
        return new TrainingConfig(steps, batchSize, lr, warmupSteps, schedule, weightDecay, clipNorm,
                gateLossWeight, validateEvery, padTo, seed);
    }

    /** This config validating every {@code every} steps (0 = never). */
    public TrainingConfig withValidateEvery(int every) {
        return new TrainingConfig(steps, batchSize, learningRate, warmupSteps, schedule, weightDecay, clipNorm,
                gateLossWeight, every, padTo, seed);
    }

    /** This config with another clip norm (0 = off). */
    public TrainingConfig withClipNorm(double clip) {
        return new TrainingConfig(steps, batchSize, learningRate, warmupSteps, schedule, weightDecay, clip,
                gateLossWeight, validateEvery, padTo, seed);
    }

    /** This config with another warm-up length. */
    public TrainingConfig withWarmup(int warm) {
        return new TrainingConfig(steps, batchSize, learningRate, warm, schedule, weightDecay, clipNorm,
                gateLossWeight, validateEvery, padTo, seed);
    }

    /**
     * Reads the JSON form of {@link #toJson()} (a run record's {@code training} object).
     *
     * @throws IllegalArgumentException naming the missing or bad field
     */
    public static TrainingConfig fromJson(JsonObject o) {
        try {
            return new TrainingConfig(ConfigJson.integer(o, "steps"), ConfigJson.integer(o, "batchSize"),
                    ConfigJson.field(o, "learningRate").getAsDouble(), ConfigJson.integer(o, "warmupSteps"),
                    ConfigJson.enumOf(Schedule.class, o, "schedule"), ConfigJson.field(o, "weightDecay").getAsDouble(),
                    ConfigJson.field(o, "clipNorm").getAsDouble(), ConfigJson.field(o, "gateLossWeight").getAsDouble(),
                    ConfigJson.integer(o, "validateEvery"), ConfigJson.integer(o, "padTo"), ConfigJson.longValue(o, "seed"));
        } catch (NumberFormatException | IllegalStateException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("training: a field is not a number: " + e.getMessage(), e);
        }
    }

    /** JSON form for the run record (field names as here). */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("steps", steps);
        o.addProperty("batchSize", batchSize);
        o.addProperty("learningRate", learningRate);
        o.addProperty("warmupSteps", warmupSteps);
        o.addProperty("schedule", schedule.name());
        o.addProperty("weightDecay", weightDecay);
        o.addProperty("clipNorm", clipNorm);
        o.addProperty("gateLossWeight", gateLossWeight);
        o.addProperty("validateEvery", validateEvery);
        o.addProperty("padTo", padTo);
        o.addProperty("seed", seed);
        return o;
    }
}
