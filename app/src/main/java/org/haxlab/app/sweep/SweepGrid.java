package org.haxlab.app.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.haxlab.model.io.Utf8Text;

/**
 * A grid of {@code train} options: each axis is a {@code train} option (without its dashes) and the values it takes;
 * the configurations are every combination, in the order the axes were given (the last axis varies fastest). A
 * configuration's run folder is named after its values ({@code backbone=mamba2_pattern=hax_lr=1e-3}), so an
 * interrupted sweep finds its runs again. Boolean options take {@code true}/{@code false}.
 *
 * @param axes  option name to values, in the order given
 * @param fixed {@code train} arguments shared by every configuration
 */
public record SweepGrid(Map<String, List<String>> axes, List<String> fixed) {

    /** Options a sweep sets itself for each run; neither an axis nor a fixed argument may give them. */
    public static final Set<String> RESERVED = Set.of("out", "device", "threads", "resume", "overwrite", "help",
            "version", "h", "V");

    public SweepGrid {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        axes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        axes = java.util.Collections.unmodifiableMap(copy);
        fixed = List.copyOf(fixed);
        if (axes.isEmpty()) {
            throw new IllegalArgumentException("the sweep has no axis: give --grid NAME=V1,V2 (e.g. --grid lr=1e-3,3e-3) "
                    + "or --grid-file FILE");
        }
        for (String a : fixed) {
            if (a.startsWith("-") && RESERVED.contains(a.replaceFirst("^-+", "").split("=", 2)[0])) {
                throw new IllegalArgumentException("train argument " + a + " is set by the sweep for each run; leave it out");
            }
        }
    }

    /**
     * Parses axes from {@code NAME=V1,V2,...} items ({@code --grid} options, or the lines of a grid file where blank
     * lines and lines starting with # are skipped).
     *
     * @param items  the items
     * @param where  where they come from, for the error messages (e.g. {@code --grid}, {@code grid.txt line 3})
     */
    public static Map<String, List<String>> parseAxes(List<String> items, List<String> where) {
        Map<String, List<String>> axes = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i).strip();
            String at = where.get(i);
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(at + ": '" + item + "' is not NAME=V1,V2,... (e.g. lr=1e-3,3e-3)");
            }
            String name = item.substring(0, eq).strip().replaceFirst("^-+", "");
            if (!name.matches("[a-z][a-z0-9-]*")) {
                throw new IllegalArgumentException(at + ": '" + name + "' is not a train option name (e.g. lr, d-model)");
            }
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException(at + ": --" + name + " is set by the sweep for each run, it cannot be an axis");
            }
            if (axes.containsKey(name)) {
                throw new IllegalArgumentException(at + ": axis " + name + " is given twice");
            }
            List<String> values = new ArrayList<>();
            for (String v : item.substring(eq + 1).split(",")) {
                String t = v.strip();
                if (t.isEmpty()) {
                    throw new IllegalArgumentException(at + ": axis " + name + " has an empty value in '" + item + "'");
                }
                if (!t.matches("[A-Za-z0-9.:+-]+")) {
                    throw new IllegalArgumentException(at + ": value '" + t + "' of axis " + name
                            + " may hold only letters, digits and . : + - (it names the run folder)");
                }
                if (values.contains(t)) {
                    throw new IllegalArgumentException(at + ": value " + t + " is listed twice for axis " + name);
                }
                values.add(t);
            }
            axes.put(name, values);
        }
        return axes;
    }

    /** Largest grid file read: a grid is a few lines. */
    private static final long MAX_FILE_BYTES = 1L << 20;

    /** The non-blank, non-comment lines of a grid file, each with its position for error messages. */
    public static Map<String, List<String>> readFile(Path file) throws IOException {
        // the bounded UTF-8 reader names the file and the fault (missing, a directory, byte 0xFF at offset N)
        List<String> lines = Utf8Text.read(file, MAX_FILE_BYTES).lines().toList();
        List<String> items = new ArrayList<>();
        List<String> where = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                items.add(l);
                where.add(file + " line " + (i + 1));
            }
        }
        return parseAxes(items, where);
    }

    /** One configuration: its folder name and the value of every axis. */
    public record Config(String name, Map<String, String> values) {
    }

    /** Every combination, the last axis varying fastest. */
    public List<Config> configs() {
        List<Config> out = new ArrayList<>();
        List<String> names = new ArrayList<>(axes.keySet());
        int[] idx = new int[names.size()];
        while (true) {
            Map<String, String> values = new LinkedHashMap<>();
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String v = axes.get(names.get(i)).get(idx[i]);
                values.put(names.get(i), v);
                parts.add(names.get(i) + "=" + v);
            }
            out.add(new Config(String.join("_", parts), values));
            int i = names.size() - 1;
            while (i >= 0 && ++idx[i] == axes.get(names.get(i)).size()) {
                idx[i] = 0;
                i--;
            }
            if (i < 0) {
                return List.copyOf(out);
            }
        }
    }

    /**
     * The {@code train} arguments of a configuration: the fixed ones, then one {@code --NAME VALUE} per axis (a
     * boolean axis adds {@code --NAME} for true and nothing for false), then {@code --out}.
     *
     * @param booleans the train options that are flags
     */
    public List<String> trainArgs(Config c, Set<String> booleans, Path runDir, boolean resume) {
        List<String> a = new ArrayList<>(fixed);
        c.values().forEach((k, v) -> {
            if (booleans.contains(k)) {
                if (!v.equals("true") && !v.equals("false")) {
                    throw new IllegalArgumentException("axis " + k + " is a flag: its values are true and false, not " + v);
                }
                if (v.equals("true")) {
                    a.add("--" + k);
                }
            } else {
                a.add("--" + k);
                a.add(v);
            }
        });
        a.add("--out");
        a.add(runDir.toAbsolutePath().toString());
        if (resume) {
            a.add("--resume");
        }
        return a;
    }
}
