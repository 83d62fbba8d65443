package org.haxlab.model.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.haxlab.model.json.JsonFields;
import org.haxlab.model.nn.ModelConfig;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code run.json} of a checkpoint: everything needed to rebuild the model and to reproduce or judge
 * the run (Tribuo-style provenance). The maps are copied; the shape arrays in {@code shapes} are shared
 * (written once by the store, only read afterwards) and the record is never compared.
 *
 * @param formatVersion  {@link #FORMAT_VERSION} when written by this code
 * @param haxlabVersion  HAX Lab version that wrote it
 * @param djlVersion     DJL version that wrote it
 * @param createdAt      ISO-8601 instant of the save
 * @param model          the model's configuration (rebuilds the architecture; weights come from the file)
 * @param task           the task description (opaque object supplied by the caller)
 * @param training       the training settings (opaque object, e.g. {@link TrainingConfig#toJson()})
 * @param seeds          named seeds (init, data, ...)
 * @param step           optimiser steps done when saved
 * @param metrics        named metrics at save time (loss, accuracy, val_accuracy, ...)
 * @param weightsSha256  hex SHA-256 of {@code weights.ndlist} (empty until the store writes it)
 * @param weightsBytes   size of {@code weights.ndlist}
 * @param shapes         every saved array's shape by name, in params order
 */
public record RunRecord(int formatVersion, String haxlabVersion, String djlVersion, String createdAt, ModelConfig model,
                        JsonObject task, JsonObject training, Map<String, Long> seeds, int step,
                        Map<String, Double> metrics, String weightsSha256, long weightsBytes,
                        Map<String, long[]> shapes) {

    /** The checkpoint format this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** Most dimensions a saved array may have. */
    static final int MAX_RANK = 8;

    public RunRecord {
        task = task == null ? new JsonObject() : task.deepCopy();
        training = training == null ? new JsonObject() : training.deepCopy();
        seeds = Collections.unmodifiableMap(new LinkedHashMap<>(seeds == null ? Map.of() : seeds));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics == null ? Map.of() : metrics));
        shapes = Collections.unmodifiableMap(new LinkedHashMap<>(shapes == null ? Map.of() : shapes));
    }

    /** A record for a save now, with the current versions; the store fills in the weights fields. */
    public static RunRecord of(ModelConfig model, JsonObject task, JsonObject training, Map<String, Long> seeds,
                               int step, Map<String, Double> metrics) {
        return new RunRecord(FORMAT_VERSION, Versions.haxlab(), Versions.djl(), Instant.now().toString(), model,
                task, training, seeds, step, metrics, "", 0, Map.of());
    }

    /**
     * The seeds a run record holds: {@code init} (the weights) and, when known, {@code data} (the order of the
     * training draws and the held-out splits).
     */
    public static Map<String, Long> seeds(long initSeed, Long dataSeed) {
        Map<String, Long> seeds = new LinkedHashMap<>();
        seeds.put("init", initSeed);
        if (dataSeed != null) {
            seeds.put("data", dataSeed);
        }
        return seeds;
    }

    /**
     * The metrics a run record holds, under their {@code run.json} names: the last training step's
     * {@code loss}, {@code gate_loss} and {@code accuracy}, and the last validation's {@code val_loss},
     * {@code val_accuracy}, {@code best_val_accuracy} and {@code best_step}; either event may be null
     * (none yet), its names are then absent.
     */
    public static Map<String, Double> metrics(StepEvent lastStep, ValidationEvent lastValidation) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (lastStep != null) {
            m.put("loss", lastStep.loss());
            m.put("gate_loss", lastStep.gateLoss());
            m.put("accuracy", lastStep.accuracy());
        }
        if (lastValidation != null) {
            m.put("val_loss", lastValidation.loss());
            m.put("val_accuracy", lastValidation.accuracy());
            m.put("best_val_accuracy", lastValidation.bestAccuracy());
            m.put("best_step", (double) lastValidation.bestStep());
        }
        return m;
    }

    /** This record with the weights file's hash, size and shapes. */
    public RunRecord withWeights(String sha256, long bytes, Map<String, long[]> arrayShapes) {
        return new RunRecord(formatVersion, haxlabVersion, djlVersion, createdAt, model, task, training, seeds, step,
                metrics, sha256, bytes, arrayShapes);
    }

    /** The JSON document written as {@code run.json}. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("format", "haxlab-checkpoint");
        o.addProperty("formatVersion", formatVersion);
        o.addProperty("haxlabVersion", haxlabVersion);
        o.addProperty("djlVersion", djlVersion);
        o.addProperty("createdAt", createdAt);
        o.add("model", ConfigJson.toJson(model));
        o.add("task", task.deepCopy());
        o.add("training", training.deepCopy());
        JsonObject s = new JsonObject();
        seeds.forEach(s::addProperty);
        o.add("seeds", s);
        o.addProperty("step", step);
        JsonObject m = new JsonObject();
        // Gson cannot write NaN/Infinity as numbers: such metrics are written as null
        metrics.forEach((k, v) -> m.add(k, Double.isFinite(v) ? new com.google.gson.JsonPrimitive(v) : com.google.gson.JsonNull.INSTANCE));
        o.add("metrics", m);
        JsonObject w = new JsonObject();
        w.addProperty("file", CheckpointStore.WEIGHTS_FILE);
        w.addProperty("sha256", weightsSha256);
        w.addProperty("bytes", weightsBytes);
        JsonObject sh = new JsonObject();
        shapes.forEach((k, v) -> {
            JsonArray a = new JsonArray();
            for (long d : v) {
                a.add(d);
            }
            sh.add(k, a);
        });
        w.add("shapes", sh);
        o.add("weights", w);
        return o;
    }

    /**
     * Parses a {@code run.json} document.
     *
     * @throws IllegalArgumentException naming the missing or bad field, or an unsupported format version
     */
    public static RunRecord fromJson(JsonObject o) {
        if (!"haxlab-checkpoint".equals(o.has("format") ? o.get("format").getAsString() : null)) {
            throw new IllegalArgumentException("not a HAX Lab checkpoint record (field 'format' is not 'haxlab-checkpoint')");
        }
        JsonFields f = new JsonFields(o, "");
        int version = f.integer("formatVersion");
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("format version " + version + " is not supported (this HAX Lab reads "
                    + FORMAT_VERSION + ")");
        }
        ModelConfig model = ConfigJson.modelConfig(f.object("model"));
        Map<String, Long> seeds = new LinkedHashMap<>();
        JsonFields seedFields = f.object("seeds");
        seedFields.json().keySet().forEach(k -> seeds.put(k, seedFields.longValue(k)));
        Map<String, Double> metrics = new LinkedHashMap<>();
        JsonFields metricFields = f.object("metrics");
        // NaN and infinite metrics are written as null (see toJson)
        metricFields.json().keySet().forEach(k -> metrics.put(k, metricFields.has(k) ? metricFields.number(k) : Double.NaN));
        JsonFields w = f.object("weights");
        Map<String, long[]> shapes = new LinkedHashMap<>();
        JsonFields shapeFields = w.object("shapes");
        for (String name : shapeFields.json().keySet()) {
            JsonArray a = shapeFields.array(name);
            if (a.size() > MAX_RANK) {
                throw new IllegalArgumentException("weights.shapes." + name + " has " + a.size() + " dimensions");
            }
            long[] dims = new long[a.size()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = a.get(i).getAsBigDecimal().longValueExact();
                if (dims[i] < 0 || dims[i] > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("weights.shapes." + name + " has dimension " + dims[i]);
                }
            }
            shapes.put(name, dims);
        }
        return new RunRecord(version, f.string("haxlabVersion"), f.string("djlVersion"), f.string("createdAt"), model,
                f.object("task").json(), f.object("training").json(), seeds, f.integer("step", 0, Integer.MAX_VALUE), metrics,
                w.string("sha256"), w.longValue("bytes"), shapes);
    }
}
