package org.haxlab.app.scenario;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.haxlab.app.vm.ModelSlot;
import org.haxlab.model.io.BoundedJson;
import org.haxlab.model.io.Utf8Text;
import org.haxlab.app.vm.View;
import org.haxlab.app.zoo.Zoo;
import org.haxlab.app.zoo.ZooException;
import org.haxlab.app.zoo.ZooFiles;
import org.haxlab.app.zoo.ZooModel;
import org.haxlab.model.json.JsonFieldException;
import org.haxlab.model.json.JsonFields;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.task.SequenceParseException;
import org.haxlab.model.task.SequenceText;
import org.haxlab.model.train.ConfigJson;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes scenario files (JSON, format {@value #FORMAT}, version {@value #VERSION}):
 *
 * <pre>{"format": "haxlab-scenario", "version": 1, "title": ..., "note": ..., "classroom": false,
 *  "sequence": "A a 3 ... | ...",
 *  "models": [{"label": ..., "checkpoint": "runs/hax.ckpt" or null, "config": {ConfigJson}}
 *             or {"zoo": "mamba2-hax", "label": optional}],
 *  "view": {"tab": ..., "layer": 0, "hoveredQuery": null, "pinnedQuery": 13, "zoom": 1.0}}</pre>
 *
 * A model given by {@code "zoo"} is the model of that id in the nearest {@code zoo.json} at or above the
 * scenario's folder (for lessons in {@code samples/scenarios/}: {@code samples/zoo.json}).
 * Checkpoints are stored relative to the scenario file when they live under the same root, so a
 * folder of scenarios and runs can move as a whole. Saving writes a temporary file beside the
 * target and renames it over the target, so a crash never leaves half a file where a good one was.
 */
public final class ScenarioFiles {
    /** The value of the "format" field. */
    public static final String FORMAT = "haxlab-scenario";
    /** The format version this code writes and the newest it reads. */
    public static final int VERSION = 1;
    /** Largest scenario file read: a scenario is a few KiB (its sequence is at most 4,096 tokens). */
    static final long MAX_BYTES = 4L << 20;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    private ScenarioFiles() {
    }

    /**
     * Loads and checks a scenario; relative checkpoints are resolved against the file's folder.
     *
     * @throws ScenarioException naming the file, the field and what is wrong
     */
    public static Scenario load(Path file) throws ScenarioException {
        String json;
        try {
            json = Utf8Text.read(file, MAX_BYTES);
        } catch (IOException e) {
            throw new ScenarioException(file, "", "cannot be read: " + e.getMessage(), e);
        }
        return fromJson(json, file.toAbsolutePath().getParent(), file);
    }

    /**
     * Saves {@code scenario} atomically (temporary file, then rename).
     *
     * @throws ScenarioException when the file cannot be written; the previous file is then left as it was
     */
    public static void save(Scenario scenario, Path file) throws ScenarioException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        String json = toJson(scenario, dir);
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    ch.write(bytes);
                }
                ch.force(true);
            }
            readableByAll(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ScenarioException(file, "", "cannot be written: " + e, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the leftover temporary file is harmless; the target is intact either way
                }
            }
        }
    }

    /**
     * A lesson is shared (a teacher's folder, a class's copy): rw-r--r-- like any document, not the 0600
     * of a temporary file. Systems without POSIX permissions keep their defaults.
     */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its default permissions apply
        }
    }

    /**
     * The JSON text of {@code scenario}.
     *
     * @param baseDir folder checkpoints are written relative to (null: as given)
     */
    public static String toJson(Scenario scenario, Path baseDir) {
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.addProperty("version", VERSION);
        root.addProperty("title", scenario.title());
        root.addProperty("note", scenario.note());
        root.addProperty("classroom", scenario.classroom());
        root.addProperty("sequence", scenario.sequence());
        JsonArray models = new JsonArray();
        for (ModelSlot m : scenario.models()) {
            JsonObject o = new JsonObject();
            o.addProperty("label", m.label());
            o.addProperty("checkpoint", m.checkpoint() == null ? null : relative(m.checkpoint(), baseDir));
            o.add("config", ConfigJson.toJson(m.config()));
            models.add(o);
        }
        root.add("models", models);
        ViewState v = scenario.view();
        JsonObject view = new JsonObject();
        view.addProperty("tab", v.tab().id());
        view.addProperty("layer", v.layer());
        view.addProperty("hoveredQuery", v.hoveredQuery());
        view.addProperty("pinnedQuery", v.pinnedQuery());
        view.addProperty("zoom", v.zoom());
        root.add("view", view);
        return GSON.toJson(root) + System.lineSeparator();
    }

    /**
     * Parses and checks scenario JSON.
     *
     * @param baseDir folder relative checkpoints are resolved against (null: left relative)
     * @param file    where the text came from, for messages (may be null)
     * @throws ScenarioException naming the field and what is wrong
     */
    public static Scenario fromJson(String json, Path baseDir, Path file) throws ScenarioException {
        JsonElement tree;
        try {
            tree = BoundedJson.parse(json);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(file, "", "is " + e.getMessage(), e);
        }
        if (!tree.isJsonObject()) {
            throw new ScenarioException(file, "", "must hold a JSON object, not " + (tree.isJsonNull() ? "nothing" : tree), null);
        }
        try {
            return read(new JsonFields(tree.getAsJsonObject(), ""), baseDir);
        } catch (JsonFieldException e) {
            throw new ScenarioException(file, e.field(), e.problem(), e);
        }
    }

    private static Scenario read(JsonFields root, Path baseDir) {
        String format = root.string("format");
        if (!FORMAT.equals(format)) {
            throw new JsonFieldException("format", "'" + format + "' is not a HAX Lab scenario (expected '" + FORMAT + "')");
        }
        int version = root.integer("version");
        if (version < 1 || version > VERSION) {
            throw new JsonFieldException("version", version > VERSION
                    ? "format version " + version + " is newer than this HAX Lab reads (" + VERSION + "): update HAX Lab"
                    : "format version " + version + " does not exist (1.." + VERSION + ")");
        }
        String title = root.string("title");
        String note = root.has("note") ? root.string("note") : "";
        boolean classroom = root.bool("classroom", false);
        String sequence = root.string("sequence");
        int length;
        try {
            length = SequenceText.parse(sequence).sequence().length();
        } catch (SequenceParseException e) {
            throw new JsonFieldException("sequence", e.getMessage().replace(System.lineSeparator(), "; "));
        }
        JsonArray array = root.array("models");
        if (array.isEmpty() || array.size() > Scenario.MAX_MODELS) {
            throw new JsonFieldException("models", "holds " + array.size() + " models; a scenario holds 1 to "
                    + Scenario.MAX_MODELS);
        }
        List<ModelSlot> models = new ArrayList<>();
        int layers = Integer.MAX_VALUE;
        Zoo[] zoo = {null};
        for (int i = 0; i < array.size(); i++) {
            JsonFields m = root.element("models", array, i);
            if (m.has("zoo")) {
                ModelSlot slot = zooModel(m, baseDir, zoo);
                models.add(slot);
                layers = Math.min(layers, slot.config().layers());
                continue;
            }
            ModelConfig config = ConfigJson.modelConfig(m.object("config"));
            String checkpoint = m.optString("checkpoint");
            String label = m.optString("label");
            Path ckpt = checkpoint == null ? null : resolve(checkpoint, baseDir, m.pathOf("checkpoint"));
            models.add(m.build(() -> new ModelSlot(label, config, ckpt)));
            layers = Math.min(layers, config.layers());
        }
        JsonFields v = root.object("view");
        View tab = v.build(() -> View.of(v.string("tab")));
        ViewState view = v.build(() -> new ViewState(tab, v.integer("layer"), v.optInteger("hoveredQuery"),
                v.optInteger("pinnedQuery"), v.number("zoom")));
        if (view.layer() >= layers) {
            throw new JsonFieldException("view.layer", "layer " + view.layer() + " does not exist: the models have layers 0.."
                    + (layers - 1));
        }
        checkPosition(view.hoveredQuery(), length, "view.hoveredQuery");
        checkPosition(view.pinnedQuery(), length, "view.pinnedQuery");
        return root.build(() -> new Scenario(title, note, sequence, models, view, classroom));
    }

    /**
     * A model named by its zoo id ({@code {"zoo": "mamba2-hax", "label": optional}}): the nearest
     * {@code zoo.json} in the scenario's folder or above it supplies its config and checkpoint.
     */
    private static ModelSlot zooModel(JsonFields m, Path baseDir, Zoo[] zoo) {
        String id = m.string("zoo");
        if (zoo[0] == null) {
            Path file = ZooFiles.nearest(baseDir);
            if (file == null) {
                throw new JsonFieldException(m.pathOf("zoo"), "names zoo model '" + id + "' but there is no zoo.json in "
                        + baseDir + " or a folder above it");
            }
            try {
                zoo[0] = ZooFiles.load(file);
            } catch (ZooException e) {
                throw new JsonFieldException(m.pathOf("zoo"), "the zoo cannot be read: " + e.getMessage());
            }
        }
        ZooModel z;
        try {
            z = zoo[0].get(id);
        } catch (IllegalArgumentException e) {
            throw new JsonFieldException(m.pathOf("zoo"), e.getMessage());
        }
        String label = m.optString("label");
        return label == null || label.isBlank() ? z.slot() : new ModelSlot(label, z.config(), z.checkpoint());
    }

    private static void checkPosition(Integer p, int length, String field) {
        if (p != null && p >= length) {
            throw new JsonFieldException(field, "position " + p + " is past the sequence's end (0.." + (length - 1) + ")");
        }
    }

    private static String relative(Path checkpoint, Path baseDir) {
        Path abs = checkpoint.toAbsolutePath().normalize();
        if (baseDir != null) {
            Path base = baseDir.toAbsolutePath().normalize();
            if (abs.getRoot() != null && abs.getRoot().equals(base.getRoot())) {
                return base.relativize(abs).toString().replace('\\', '/');
            }
        }
        return checkpoint.toString().replace('\\', '/');
    }

    private static Path resolve(String checkpoint, Path baseDir, String field) {
        if (checkpoint.isBlank()) {
            throw new JsonFieldException(field, "is empty; write null for no checkpoint");
        }
        try {
            Path p = Path.of(checkpoint);
            return p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new JsonFieldException(field, "'" + checkpoint + "' is not a valid path: " + e.getReason());
        }
    }
}
