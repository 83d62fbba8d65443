package org.haxlab.model.train;

import com.google.gson.JsonObject;

/**
 * Which joint-recall tables to draw (spec §1): n_c uniform in [minContexts, maxContexts] and n_k
 * uniform in [minKeys, maxKeys] (the paper uses 5..16 for both; a desktop run uses smaller grids).
 */
public record TaskSpec(int minContexts, int maxContexts, int minKeys, int maxKeys) {

    public TaskSpec {
        if (minContexts < 1 || maxContexts < minContexts || minKeys < 1 || maxKeys < minKeys) {
            throw new IllegalArgumentException("task spec: need 1 <= min <= max for contexts (" + minContexts + ".."
                    + maxContexts + ") and keys (" + minKeys + ".." + maxKeys + ")");
        }
    }

    /** Parses {@code "N"} or {@code "A..B"} for contexts and keys, e.g. {@code of("2..4", "3")}. */
    public static TaskSpec of(String contexts, String keys) {
        int[] c = range("contexts", contexts);
        int[] k = range("keys", keys);
        return new TaskSpec(c[0], c[1], k[0], k[1]);
    }

    private static int[] range(String what, String text) {
        String t = text.trim();
        try {
            int dots = t.indexOf("..");
            if (dots < 0) {
                int n = Integer.parseInt(t);
                return new int[] {n, n};
            }
            return new int[] {Integer.parseInt(t.substring(0, dots).trim()), Integer.parseInt(t.substring(dots + 2).trim())};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + text + "' is not N or A..B", e);
        }
    }

    /** Longest sequence of the grid: 2 + 2 n_c (1 + 2 n_k) (spec §1). */
    public int maxLength() {
        return 2 + 2 * maxContexts * (1 + 2 * maxKeys);
    }

    /**
     * Reads the fields of {@link #toJson()} from a run record's {@code task} object (other fields are ignored).
     *
     * @throws IllegalArgumentException naming the missing or bad field
     */
    public static TaskSpec fromJson(JsonObject o) {
        return new TaskSpec(ConfigJson.integer(o, "minContexts"), ConfigJson.integer(o, "maxContexts"),
                ConfigJson.integer(o, "minKeys"), ConfigJson.integer(o, "maxKeys"));
    }

    /** JSON form for the run record. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("minContexts", minContexts);
        o.addProperty("maxContexts", maxContexts);
        o.addProperty("minKeys", minKeys);
        o.addProperty("maxKeys", maxKeys);
        return o;
    }
}
