package org.haxlab.app.vm.slicing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.haxlab.model.inspect.RecallDiagnosis;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.task.SequenceText;

/**
 * Breaks the diagnoses of many sequences down into slices: by failure reason (every wrong query has
 * one, spec §3's evidence order), by table size n_c x n_k and by answer distance (tokens from the
 * answer's value to the query, in powers of two). Pure: no model, no threads.
 */
public final class Slicer {
    /** Dimension: the diagnosis's reason. */
    public static final String REASON = "failure reason";
    /** Dimension: n_c x n_k. */
    public static final String TABLE = "table size";
    /** Dimension: query position minus the answer's value position. */
    public static final String DISTANCE = "answer distance";

    private final Map<String, Map<String, Acc>> dims = new LinkedHashMap<>();
    private int total;

    /** An empty breakdown. */
    public Slicer() {
        dims.put(REASON, new LinkedHashMap<>());
        dims.put(TABLE, new TreeMap<>(Slicer::compareTables));
        dims.put(DISTANCE, new TreeMap<>(Slicer::compareRanges));
    }

    /** Adds every query of one sequence. */
    public void add(RecallSequence sequence, List<RecallDiagnosis> diagnoses) {
        String text = null;
        for (RecallDiagnosis d : diagnoses) {
            if (text == null) {
                text = SequenceText.print(sequence);
            }
            SliceExample example = new SliceExample(text, d.position());
            total++;
            acc(REASON, d.reason().label(), d, example);
            acc(TABLE, sequence.contexts() + " x " + sequence.keys(), d, example);
            acc(DISTANCE, d.source().found() ? distance(d.position() - d.source().valuePosition()) : "no source", d, example);
        }
    }

    /** The slices, dimension by dimension (reasons by how often they occur, sizes and distances ascending). */
    public List<SliceRow> rows() {
        List<SliceRow> out = new ArrayList<>();
        for (var dim : dims.entrySet()) {
            var entries = new ArrayList<>(dim.getValue().entrySet());
            if (dim.getKey().equals(REASON)) {
                entries.sort((a, b) -> Integer.compare(b.getValue().queries, a.getValue().queries));
            }
            for (var e : entries) {
                Acc a = e.getValue();
                out.add(new SliceRow(dim.getKey(), e.getKey(), a.queries, a.correct, total,
                        a.wrong != null ? a.wrong : a.first));
            }
        }
        return out;
    }

    /** Queries added. */
    public int total() {
        return total;
    }

    /** "1", "2..3", "4..7", ... : powers of two, so short and long distances both get a few slices. */
    static String distance(int d) {
        if (d < 2) {
            return Integer.toString(Math.max(d, 0));
        }
        int low = Integer.highestOneBit(d);
        return low + ".." + (2 * low - 1);
    }

    private void acc(String dim, String slice, RecallDiagnosis d, SliceExample example) {
        Acc a = dims.get(dim).computeIfAbsent(slice, s -> new Acc());
        a.queries++;
        if (d.correct()) {
            a.correct++;
        } else if (a.wrong == null) {
            a.wrong = example;
        }
        if (a.first == null) {
            a.first = example;
        }
    }

    private static int compareTables(String a, String b) {
        String[] x = a.split(" x ");
        String[] y = b.split(" x ");
        int n = Integer.compare(Integer.parseInt(x[0]) * Integer.parseInt(x[1]), Integer.parseInt(y[0]) * Integer.parseInt(y[1]));
        return n != 0 ? n : a.compareTo(b);
    }

    private static int compareRanges(String a, String b) {
        return Integer.compare(lowEnd(a), lowEnd(b));
    }

    private static int lowEnd(String range) {
        if (range.equals("no source")) {
            return Integer.MAX_VALUE;
        }
        int dots = range.indexOf("..");
        return Integer.parseInt(dots < 0 ? range : range.substring(0, dots));
    }

    private static final class Acc {
        int queries;
        int correct;
        SliceExample wrong;
        SliceExample first;
    }
}
