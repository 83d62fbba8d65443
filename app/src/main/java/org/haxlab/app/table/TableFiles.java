package org.haxlab.app.table;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table folder's own files: {@value #SCALE_FILE} (the scale every run and every later invocation must match)
 * and the aggregation of the runs' results into table.md and table.csv.
 */
public final class TableFiles {

    /** The scale's description file in OUT; a resumed table, a Slurm task and an aggregation must match it. */
    public static final String SCALE_FILE = "table.json";

    private static final String STEPS = "steps";

    private TableFiles() {
    }

    /**
     * Refuses to mix tables: an OUT that already holds a table needs {@code continuing} (--resume), and then the
     * same scale (otherwise its rows would not be comparable), except for more steps, which extend it.
     */
    public static void checkResume(Path out, TableScale scale, boolean continuing) {
        Path file = out.resolve(SCALE_FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        if (!continuing) {
            throw new IllegalArgumentException(out + " already holds a table (" + SCALE_FILE
                    + "): pass --resume to continue it, or choose another --out");
        }
        JsonObject was = read(file).getAsJsonObject("scale");
        Map<String, String> diff = differences(was, scale);
        // a larger --steps alone extends the table: every run goes on from its last checkpoint (constant rate
        // after warm-up, so the longer runs are the runs a longer table would have made); fewer steps cannot be
        // taken back
        if (diff.keySet().equals(Set.of(STEPS))) {
            int before = was.get(STEPS).getAsInt();
            if (scale.steps() > before) {
                return;
            }
            throw new IllegalArgumentException("--resume: the table in " + out + " was trained for " + before
                    + " steps; it can be extended (a larger --steps), not shortened to " + scale.steps()
                    + " (use another --out for a shorter table)");
        }
        if (!diff.isEmpty()) {
            throw new IllegalArgumentException("--resume: the scale differs from the table in " + out + ": "
                    + String.join("; ", diff.values()) + " (use the same options, or another --out; only --steps may grow)");
        }
    }

    /**
     * Refuses to aggregate what is not this table: OUT must hold a table ({@value #SCALE_FILE}) of exactly this
     * scale (an aggregation never creates a table, and runs of another scale would be filed under this one).
     */
    public static void checkAggregate(Path out, TableScale scale) {
        Path file = out.resolve(SCALE_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--aggregate: " + out + " holds no table (no " + SCALE_FILE
                    + "): give the --out of a table that has run");
        }
        Map<String, String> diff = differences(read(file).getAsJsonObject("scale"), scale);
        if (!diff.isEmpty()) {
            throw new IllegalArgumentException("--aggregate: the scale differs from the table in " + out + ": "
                    + String.join("; ", diff.values()) + " (give the options the table was made with)");
        }
    }

    /** Each scale field that differs, in the scale's order, with "field before -> now". */
    private static Map<String, String> differences(JsonObject was, TableScale scale) {
        JsonObject now = scale.toJson();
        Map<String, String> diff = new LinkedHashMap<>();
        for (String key : now.keySet()) {
            if (was == null || !now.get(key).equals(was.get(key))) {
                diff.put(key, key + " " + (was == null ? "?" : was.get(key)) + " -> " + now.get(key));
            }
        }
        return diff;
    }

    /** The command recorded in {@value #SCALE_FILE}, or {@code fallback} when there is none. */
    public static String recordedCommand(Path out, String fallback) {
        Path file = out.resolve(SCALE_FILE);
        if (!Files.isRegularFile(file)) {
            return fallback;
        }
        JsonObject o = read(file);
        return o.has("command") ? o.get("command").getAsString() : fallback;
    }

    /**
     * Writes {@value #SCALE_FILE}: the scale, rows, seeds and the command. A Slurm task or an aggregation keeps the
     * command recorded by the invocation that created the table, so table.md shows how the table was made.
     */
    public static void writeScaleFile(Path out, TablePlan plan, String command) throws IOException {
        JsonObject o = new JsonObject();
        o.add("scale", plan.scale().toJson());
        o.addProperty("patterns", String.join(",", plan.entries().stream().map(TableEntry::id).toList()));
        o.addProperty("seeds", plan.seeds().toString());
        o.addProperty("command", command);
        // temp file + rename: Slurm tasks of the same table write it at once; none may read half a file
        Files.createDirectories(out);
        Path tmp = Files.createTempFile(out, SCALE_FILE, ".tmp");
        Files.writeString(tmp, new GsonBuilder().setPrettyPrinting().create().toJson(o) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, out.resolve(SCALE_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Writes table.md and table.csv from every run that has a result and prints the markdown; runs without one are
     * named on {@code err}.
     *
     * @return 0 when every planned run has a result, 1 otherwise (the table is then marked partial)
     */
    public static int aggregate(TablePlan plan, PrintWriter stdout, PrintWriter err) throws IOException {
        List<RunResult> results = plan.results();
        List<String> missing = new ArrayList<>();
        for (TablePlan.Run r : plan.runs()) {
            if (TablePlan.status(r) != TablePlan.Status.DONE) {
                missing.add(r.name() + (TablePlan.status(r) == TablePlan.Status.RESUMABLE ? " (has a checkpoint)" : ""));
            }
        }
        int planned = plan.runs().size();
        String command = recordedCommand(plan.out(), "haxlab table --out " + plan.out());
        TableWriter.write(plan.out(), TableRow.aggregate(results, plan.entries()), plan.scale(), command, planned,
                results.size());
        stdout.print(Files.readString(plan.out().resolve(TableWriter.MARKDOWN), StandardCharsets.UTF_8));
        long notFinished = results.stream().filter(r -> !r.state().equals("finished")).count();
        stdout.println("wrote " + plan.out().resolve(TableWriter.MARKDOWN) + " and " + plan.out().resolve(TableWriter.CSV)
                + " (" + results.size() + " of " + planned + " runs"
                + (notFinished > 0 ? ", " + notFinished + " did not finish: see their metrics.csv" : "") + ")");
        stdout.flush();
        if (!missing.isEmpty()) {
            err.println("table: " + missing.size() + " run(s) have no result yet: " + String.join(", ", missing)
                    + "; rerun the table with --resume (or resubmit their tasks) to continue them");
            err.flush();
            return 1;
        }
        return 0;
    }

    private static JsonObject read(Path file) {
        try {
            return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + " cannot be read (" + e.getMessage() + "); move it away to start over");
        }
    }
}
