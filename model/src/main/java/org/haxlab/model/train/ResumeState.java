package org.haxlab.model.train;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Where a run stands at a checkpoint, besides its weights and AdamW moments: everything a resumed run needs
 * to continue exactly as the uninterrupted run would have (written as {@value #FILE} next to the weights).
 *
 * <p>The other random draws of a step need no state of their own: the LSH projections of a training pass
 * and the ranking-loss picks of the key selection are seeded from the run seed and the step number (spec
 * §3-4), and the model has no dropout. The learning-rate schedule is a function of the step.
 *
 * @param state            RUNNING for a checkpoint taken during the run, else how the run ended (FINISHED
 *                         or STOPPED; a diverged run keeps its last good weights without a resume state)
 * @param step             optimiser steps done
 * @param totalSteps       the steps the run was set to do
 * @param optimizerUpdates AdamW's bias-correction count t
 * @param dataState        the 48-bit state of the data stream's {@link ResumableRandom}
 * @param dataGaussian     its pending Gaussian, NaN when none
 * @param bestAccuracy     best validation accuracy so far, NaN when never validated
 * @param bestStep         step of that validation, 0 when none
 * @param elapsedSeconds   time spent stepping so far (pauses and earlier runs' start-up excluded)
 */
public record ResumeState(RunState state, int step, int totalSteps, int optimizerUpdates, long dataState,
                          double dataGaussian, double bestAccuracy, int bestStep, double elapsedSeconds) {

    /** File name inside a checkpoint directory. */
    public static final String FILE = "resume.json";
    /** Optimiser moments file inside a checkpoint directory. */
    public static final String OPTIMIZER_FILE = "optimizer.ndlist";
    /** The resume format this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public ResumeState {
        if (state != RunState.RUNNING && state != RunState.FINISHED && state != RunState.STOPPED) {
            throw new IllegalArgumentException("resume state: state " + state + " (expected RUNNING, FINISHED or"
                    + " STOPPED)");
        }
        if (step < 0 || totalSteps < 1 || optimizerUpdates < 0 || bestStep < 0 || bestStep > step) {
            throw new IllegalArgumentException("resume state: step " + step + ", total " + totalSteps + ", updates "
                    + optimizerUpdates + ", best step " + bestStep + " are not consistent");
        }
    }

    /** The data stream as it was at this checkpoint. */
    public ResumableRandom dataRandom() {
        return ResumableRandom.restore(dataState, dataGaussian);
    }

    /** The JSON document written as {@value #FILE}, with the optimiser file's hash and size. */
    JsonObject toJson(String optimizerSha256, long optimizerBytes) {
        JsonObject o = new JsonObject();
        o.addProperty("format", "haxlab-resume");
        o.addProperty("formatVersion", FORMAT_VERSION);
        o.addProperty("state", state.name());
        o.addProperty("step", step);
        o.addProperty("totalSteps", totalSteps);
        o.addProperty("optimizerUpdates", optimizerUpdates);
        JsonObject data = new JsonObject();
        data.addProperty("state", dataState);
        data.add("pendingGaussian", number(dataGaussian));
        o.add("dataRandom", data);
        JsonObject best = new JsonObject();
        best.add("accuracy", number(bestAccuracy));
        best.addProperty("step", bestStep);
        o.add("best", best);
        o.addProperty("elapsedSeconds", elapsedSeconds);
        JsonObject opt = new JsonObject();
        opt.addProperty("file", OPTIMIZER_FILE);
        opt.addProperty("sha256", optimizerSha256);
        opt.addProperty("bytes", optimizerBytes);
        o.add("optimizer", opt);
        return o;
    }

    /**
     * Parses a {@value #FILE} document.
     *
     * @throws IllegalArgumentException naming the missing or bad field, or an unsupported version
     */
    static ResumeState fromJson(JsonObject o) {
        if (!o.has("format") || !"haxlab-resume".equals(o.get("format").getAsString())) {
            throw new IllegalArgumentException("not a HAX Lab resume record (field 'format' is not 'haxlab-resume')");
        }
        int version = ConfigJson.integer(o, "formatVersion");
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("resume format version " + version + " is not supported (this HAX Lab"
                    + " reads " + FORMAT_VERSION + ")");
        }
        JsonObject data = ConfigJson.object(o, "dataRandom");
        JsonObject best = ConfigJson.object(o, "best");
        return new ResumeState(ConfigJson.enumOf(RunState.class, o, "state"), ConfigJson.integer(o, "step"),
                ConfigJson.integer(o, "totalSteps"), ConfigJson.integer(o, "optimizerUpdates"),
                ConfigJson.longValue(data, "state"), nullableNumber(data, "pendingGaussian"),
                nullableNumber(best, "accuracy"), ConfigJson.integer(best, "step"), number(o, "elapsedSeconds"));
    }

    /** Gson cannot write NaN as a number: NaN is written as null. */
    private static com.google.gson.JsonElement number(double x) {
        return Double.isNaN(x) ? JsonNull.INSTANCE : new JsonPrimitive(x);
    }

    private static double nullableNumber(JsonObject o, String name) {
        if (!o.has(name)) {
            throw new IllegalArgumentException("missing field '" + name + "'");
        }
        return o.get(name).isJsonNull() ? Double.NaN : number(o, name);
    }

    private static double number(JsonObject o, String name) {
        com.google.gson.JsonElement e = ConfigJson.field(o, name);
        try {
            return e.getAsDouble();
        } catch (RuntimeException bad) {
            throw new IllegalArgumentException("field '" + name + "' is not a number: " + e, bad);
        }
    }
}
