package org.haxlab.app.table;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.haxlab.model.train.EvalResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What one finished (row, seed) run of a table produced; saved as {@value #FILE} in its run directory, whose
 * presence marks the run as done for {@code --resume}.
 *
 * @param entry           the table row
 * @param seed            the run's seed (weights, data order, LSH draws)
 * @param state           how training ended (finished, diverged, ...)
 * @param steps           steps completed
 * @param bestValAccuracy best validation accuracy (NaN when never validated)
 * @param bestStep        step of the best validation checkpoint, the one tested
 * @param testAccuracy    test accuracy of that checkpoint (per-sample accuracy averaged, spec §1)
 * @param testLoss        its masked cross-entropy on the test split
 * @param params          number of weights
 * @param trainSeconds    seconds spent training (validation included)
 * @param cells           test accuracy per (n_c, n_k)
 */
public record RunResult(TableEntry entry, long seed, String state, int steps, double bestValAccuracy, int bestStep,
                        double testAccuracy, double testLoss, long params, double trainSeconds,
                        List<EvalResult.Cell> cells) {

    /** The file name inside a run directory. */
    public static final String FILE = "result.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    public RunResult {
        if (entry == null || state == null) {
            throw new IllegalArgumentException("run result: entry and state are required");
        }
        cells = cells == null ? List.of() : List.copyOf(cells);
    }

    /** Directory name of a run: {@code <row>-s<seed>}, e.g. {@code hax-s1}. */
    public static String dirName(TableEntry entry, long seed) {
        return entry.id() + "-s" + seed;
    }

    /** This result filed under {@code e} and seed {@code s} (the table's plan is the authority on both). */
    public RunResult as(TableEntry e, long s) {
        return new RunResult(e, s, state, steps, bestValAccuracy, bestStep, testAccuracy, testLoss, params, trainSeconds,
                cells);
    }

    /** JSON form. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("pattern", entry.id());
        o.addProperty("seed", seed);
        o.addProperty("state", state);
        o.addProperty("steps", steps);
        o.addProperty("bestValAccuracy", bestValAccuracy);
        o.addProperty("bestStep", bestStep);
        o.addProperty("testAccuracy", testAccuracy);
        o.addProperty("testLoss", testLoss);
        o.addProperty("params", params);
        o.addProperty("trainSeconds", trainSeconds);
        JsonArray a = new JsonArray();
        for (EvalResult.Cell c : cells) {
            JsonObject co = new JsonObject();
            co.addProperty("contexts", c.contexts());
            co.addProperty("keys", c.keys());
            co.addProperty("samples", c.samples());
            co.addProperty("accuracy", c.accuracy());
            a.add(co);
        }
        o.add("cells", a);
        return o;
    }

    /** Parses {@link #toJson()}'s form. */
    public static RunResult fromJson(JsonObject o) {
        List<EvalResult.Cell> cells = new ArrayList<>();
        if (o.has("cells")) {
            for (JsonElement e : o.getAsJsonArray("cells")) {
                JsonObject c = e.getAsJsonObject();
                cells.add(new EvalResult.Cell(c.get("contexts").getAsInt(), c.get("keys").getAsInt(),
                        c.get("samples").getAsInt(), c.get("accuracy").getAsDouble()));
            }
        }
        return new RunResult(TableEntry.parse(o.get("pattern").getAsString()), o.get("seed").getAsLong(),
                o.get("state").getAsString(), o.get("steps").getAsInt(), number(o, "bestValAccuracy"),
                o.get("bestStep").getAsInt(), number(o, "testAccuracy"), number(o, "testLoss"),
                o.get("params").getAsLong(), number(o, "trainSeconds"), cells);
    }

    private static double number(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            return Double.NaN;
        }
        String s = e.getAsString();
        return s.equals("NaN") ? Double.NaN : e.getAsDouble();
    }

    /** Writes {@value #FILE} into {@code runDir} atomically (temp file, then rename), so a kill never leaves half a file. */
    public void save(Path runDir) throws IOException {
        Files.createDirectories(runDir);
        Path tmp = runDir.resolve(FILE + ".tmp");
        Files.writeString(tmp, GSON.toJson(toJson()) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, runDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads {@value #FILE} from {@code runDir}; a clear error names the file when it is unreadable. */
    public static RunResult load(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        try {
            return fromJson(JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject());
        } catch (RuntimeException e) {
            throw new IOException(file + " is not a valid run result: " + e.getMessage(), e);
        }
    }
}
