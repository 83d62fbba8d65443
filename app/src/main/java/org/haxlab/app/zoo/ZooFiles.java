package org.haxlab.app.zoo;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.haxlab.model.io.BoundedJson;
import org.haxlab.model.io.Utf8Text;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.train.CheckpointException;
import org.haxlab.model.train.CheckpointStore;
import org.haxlab.model.train.RunRecord;

/**
 * Reads {@code zoo.json}:
 *
 * <pre>{"grid": {"contexts": "4..6", "keys": "4..6"},
 *  "models": [{"name": "Mamba-2 +HAX", "id": "mamba2-hax", "checkpoint": "checkpoints/zoo/mamba2-hax",
 *    "backbone": "mamba2", "pattern": "hax", "dModel": 32, "contexts": "4..6", "keys": "4..6", "k": 16,
 *    "hashBits": 6, "steps": 8000, "accuracy": 0.95, "evalSamples": 512, "seed": 0, "command": "..."}]}</pre>
 *
 * Checkpoints are relative to the zoo file's folder. Each model's config comes from its checkpoint's run
 * record; the backbone, pattern, dModel, k and hashBits written in the zoo must agree with it, so a zoo
 * that describes one model and points at another is refused.
 */
public final class ZooFiles {

    /** Largest zoo.json or run.json read: both are a few KiB. */
    private static final long MAX_BYTES = 4L << 20;

    private ZooFiles() {
    }

    /** The zoo the app opens on: {@code -Dhaxlab.zoo=FILE}, else {@link Zoo#DEFAULT_FILE} when present; else null. */
    public static Path locate() {
        String given = System.getProperty("haxlab.zoo");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        return Files.isRegularFile(Zoo.DEFAULT_FILE) ? Zoo.DEFAULT_FILE : null;
    }

    /**
     * The nearest {@code zoo.json} in {@code dir} or a folder above it (a scenario in
     * {@code samples/scenarios/} finds {@code samples/zoo.json}), or null.
     */
    public static Path nearest(Path dir) {
        for (Path d = dir == null ? null : dir.toAbsolutePath(); d != null; d = d.getParent()) {
            Path f = d.resolve(Zoo.DEFAULT_FILE.getFileName());
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        return null;
    }

    /**
     * Reads and checks a zoo file.
     *
     * @throws ZooException naming the file, the field and what is wrong
     */
    public static Zoo load(Path file) throws ZooException {
        String json;
        try {
            json = Utf8Text.read(file, MAX_BYTES);
        } catch (IOException e) {
            throw new ZooException(file, "", "cannot be read: " + e.getMessage(), e);
        }
        JsonElement tree;
        try {
            tree = BoundedJson.parse(json);
        } catch (IllegalArgumentException e) {
            throw new ZooException(file, "", "is " + e.getMessage(), e);
        }
        if (!tree.isJsonObject()) {
            throw new ZooException(file, "", "must hold a JSON object with \"grid\" and \"models\"", null);
        }
        JsonObject root = tree.getAsJsonObject();
        Path base = file.toAbsolutePath().getParent();
        ZooGrid grid = grid(file, object(file, root, "grid", "grid"), "grid");
        JsonElement models = root.get("models");
        if (models == null || !models.isJsonArray() || models.getAsJsonArray().isEmpty()) {
            throw new ZooException(file, "models", "must be a non-empty array of models", null);
        }
        JsonArray array = models.getAsJsonArray();
        List<ZooModel> list = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "models[" + i + "]";
            if (!array.get(i).isJsonObject()) {
                throw new ZooException(file, at, "must be an object", null);
            }
            list.add(model(file, base, array.get(i).getAsJsonObject(), at));
        }
        try {
            return new Zoo(file, grid, list);
        } catch (IllegalArgumentException e) {
            throw new ZooException(file, "models", e.getMessage(), e);
        }
    }

    private static ZooModel model(Path file, Path base, JsonObject o, String at) throws ZooException {
        String id = string(file, o, "id", at);
        String name = string(file, o, "name", at);
        String cp = string(file, o, "checkpoint", at);
        Path checkpoint;
        try {
            checkpoint = Path.of(cp).isAbsolute() ? Path.of(cp) : base.resolve(cp).normalize();
        } catch (InvalidPathException e) {
            throw new ZooException(file, at + ".checkpoint", "'" + cp + "' is not a valid path: " + e.getReason(), e);
        }
        ModelConfig config;
        try {
            Path dir = CheckpointStore.resolve(checkpoint);
            JsonElement record = BoundedJson.parse(Utf8Text.read(dir.resolve(CheckpointStore.RECORD_FILE), MAX_BYTES));
            if (!record.isJsonObject()) {
                throw new IllegalArgumentException(CheckpointStore.RECORD_FILE + " is not a JSON object");
            }
            config = RunRecord.fromJson(record.getAsJsonObject()).model();
        } catch (CheckpointException | IOException | RuntimeException e) {
            throw new ZooException(file, at + ".checkpoint", "'" + cp + "' is not a usable checkpoint: " + e.getMessage(), e);
        }
        agree(file, at, "backbone", string(file, o, "backbone", at), config.backbone().name());
        agree(file, at, "pattern", string(file, o, "pattern", at), patternId(config));
        optionalAgree(file, o, at, "dModel", config.dModel());
        optionalAgree(file, o, at, "k", config.sparse().budget());
        optionalAgree(file, o, at, "hashBits", config.sparse().hashBits());
        ZooGrid grid = o.has("contexts") || o.has("keys") ? grid(file, o, at) : null;
        double accuracy = number(file, o, "accuracy", at, Double.NaN);
        if (!(accuracy >= 0 && accuracy <= 1)) {
            throw new ZooException(file, at + ".accuracy", "must be a fraction in 0..1, not " + o.get("accuracy"), null);
        }
        int steps = count(file, o, "steps", at);
        int evalSamples = count(file, o, "evalSamples", at);
        long seed = integer(file, o, "seed", at, 0);
        String command = o.has("command") ? string(file, o, "command", at) : "";
        try {
            return new ZooModel(id, name, checkpoint, config, grid == null ? new ZooGrid(1, 1, 1, 1) : grid, steps,
                    accuracy, evalSamples, seed, command);
        } catch (IllegalArgumentException e) {
            throw new ZooException(file, at, e.getMessage(), e);
        }
    }

    /** The zoo's pattern names (spec §3 names, as in the CLI): ssm, sw, a, ..., hax. */
    private static String patternId(ModelConfig c) {
        return c.sparse().pattern().name();
    }

    private static void agree(Path file, String at, String field, String written, String actual) throws ZooException {
        String w = written.toLowerCase(Locale.ROOT).replace("-", "");
        String a = actual.toLowerCase(Locale.ROOT);
        boolean same = w.equals(a) || ("ssm".equals(w) || "base".equals(w)) && "none".equals(a);
        if (!same) {
            throw new ZooException(file, at + "." + field, "says '" + written + "' but the checkpoint holds '"
                    + actual.toLowerCase(Locale.ROOT) + "'", null);
        }
    }

    private static void optionalAgree(Path file, JsonObject o, String at, String field, int actual) throws ZooException {
        if (o.has(field)) {
            long written = integer(file, o, field, at, 0);
            if (written != actual) {
                throw new ZooException(file, at + "." + field, "says " + written + " but the checkpoint holds " + actual,
                        null);
            }
        }
    }

    private static ZooGrid grid(Path file, JsonObject o, String at) throws ZooException {
        try {
            return ZooGrid.parse(rangeText(file, o, "contexts", at), rangeText(file, o, "keys", at));
        } catch (IllegalArgumentException e) {
            throw new ZooException(file, at, e.getMessage(), e);
        }
    }

    private static String rangeText(Path file, JsonObject o, String name, String at) throws ZooException {
        JsonElement e = o.get(name);
        if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            return e.getAsString();
        }
        return string(file, o, name, at);
    }

    private static JsonObject object(Path file, JsonObject o, String name, String at) throws ZooException {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonObject()) {
            throw new ZooException(file, at, "must be an object" + (e == null ? " (missing)" : ", not " + e), null);
        }
        return e.getAsJsonObject();
    }

    private static String string(Path file, JsonObject o, String name, String at) throws ZooException {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull() || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()
                || e.getAsString().isBlank()) {
            throw new ZooException(file, at + "." + name, e == null ? "is missing" : "must be a non-empty string, not " + e,
                    null);
        }
        return e.getAsString();
    }

    private static double number(Path file, JsonObject o, String name, String at, double absent) throws ZooException {
        JsonElement e = o.get(name);
        if (e == null) {
            return absent;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new ZooException(file, at + "." + name, "must be a number, not " + e, null);
        }
        return e.getAsDouble();
    }

    private static long integer(Path file, JsonObject o, String name, String at, long absent) throws ZooException {
        double d = number(file, o, name, at, absent);
        if (d != Math.rint(d) || d < 0) {
            throw new ZooException(file, at + "." + name, "must be a whole number >= 0, not " + o.get(name), null);
        }
        return (long) d;
    }

    /** A whole number that fits an int (steps, samples): a larger one is named as too large, not cut. */
    private static int count(Path file, JsonObject o, String name, String at) throws ZooException {
        long n = integer(file, o, name, at, 0);
        if (n > Integer.MAX_VALUE) {
            throw new ZooException(file, at + "." + name, "must be at most " + Integer.MAX_VALUE + ", not " + o.get(name),
                    null);
        }
        return (int) n;
    }
}
