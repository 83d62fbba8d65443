package org.haxlab.app.table;

import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.trace.Backbone;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One row of the paper's Table 1 (spec §4): a sparse pattern on the base model, or the wider
 * "Base (2x dim)" model without a branch. Each row carries the paper's MQJR test accuracy (%, mean of 3
 * seeds at the paper's scale) for both backbones, shown beside ours for reference only.
 */
public enum TableEntry {
    /** The plain SSM. */
    SSM("ssm", "Base", Pattern.NONE, false, 16.3, 36.6),
    /** Sliding window. */
    SW("sw", "+SW", Pattern.SW, false, 18.7, 70.6),
    /** Sink + window (A-shaped). */
    A("a", "+A", Pattern.A, false, 16.4, 49.3),
    /** Dilated. */
    D("d", "+D", Pattern.D, false, 7.8, 19.6),
    /** Window + dilated. */
    SWD("swd", "+SW+D", Pattern.SWD, false, 16.6, 48.6),
    /** LSH attention alone. */
    LSH("lsh", "+LSH", Pattern.LSH, false, 11.6, 13.5),
    /** Key selection alone. */
    KS("ks", "+KS", Pattern.KS, false, 36.6, 60.1),
    /** LSH + key selection. */
    HAX("hax", "+HAX", Pattern.HAX, false, 38.0, 74.3),
    /** d_model doubled, no branch. */
    BASE2X("base2x", "Base (2x dim)", Pattern.NONE, true, 34.5, 59.2);

    /** Every row, in the order of {@code --patterns}' default (the branch rows grouped by kind). */
    public static final List<TableEntry> ALL = List.of(values());

    private final String id;
    private final String label;
    private final Pattern pattern;
    private final boolean doubleWidth;
    private final double paperMamba1;
    private final double paperMamba2;

    TableEntry(String id, String label, Pattern pattern, boolean doubleWidth, double paperMamba1, double paperMamba2) {
        this.id = id;
        this.label = label;
        this.pattern = pattern;
        this.doubleWidth = doubleWidth;
        this.paperMamba1 = paperMamba1;
        this.paperMamba2 = paperMamba2;
    }

    /** Command-line and directory name: ssm, sw, a, d, swd, lsh, ks, hax, base2x. */
    public String id() {
        return id;
    }

    /** Row label as in the paper. */
    public String label() {
        return label;
    }

    /** The sparse pattern of every mixer ({@link Pattern#NONE} for the two baselines). */
    public Pattern pattern() {
        return pattern;
    }

    /** True for "Base (2x dim)": d_model doubled (spec §2). */
    public boolean doubleWidth() {
        return doubleWidth;
    }

    /** The paper's Table 1 test accuracy in percent for {@code backbone}. */
    public double paperAccuracy(Backbone backbone) {
        return backbone == Backbone.MAMBA1 ? paperMamba1 : paperMamba2;
    }

    /** Parses an id (case-insensitive); the error lists the accepted ids. */
    public static TableEntry parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (TableEntry e : values()) {
            if (e.id.equals(t)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown table row '" + text + "' (expected one of "
                + String.join(", ", ALL.stream().map(TableEntry::id).toList()) + ")");
    }

    /** Parses a comma-separated list such as {@code ssm,sw,hax}; refuses an empty list and repeats. */
    public static List<TableEntry> parseList(String text) {
        List<TableEntry> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            TableEntry e = parse(part);
            if (out.contains(e)) {
                throw new IllegalArgumentException("table row '" + e.id + "' is listed twice in '" + text + "'");
            }
            out.add(e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no table rows in '" + text + "'");
        }
        return List.copyOf(out);
    }
}
