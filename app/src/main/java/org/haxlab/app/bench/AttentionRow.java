package org.haxlab.app.bench;

import java.util.Locale;

/**
 * One line of the attention table: a case and one pass, measured or skipped.
 *
 * @param pattern  pattern id as in {@code inspect} (sw, hax, ...)
 * @param length   L
 * @param path     dense or sparse
 * @param pass     fwd or fwd+bwd
 * @param stats    timings, or null when not run
 * @param peakMb   peak resident set of the process during the pass (heap + native), MiB; -1 when not run
 * @param heapMb   peak Java heap during the pass, MiB; -1 when not run
 * @param note     empty when measured, else why not (e.g. "skipped (would need ~12.3 GB)")
 */
public record AttentionRow(String pattern, int length, String path, String pass, Stats stats, double peakMb,
                           double heapMb, String note) {

    /** The CSV header (docs/BENCHMARKS.md). */
    public static final String CSV_HEADER = "pattern,length,path,pass,ms_median,ms_min,ms_max,peak_mb";

    /** Forward only (eval mode). */
    public static final String FWD = "fwd";
    /** Forward and backward (training mode). */
    public static final String FWD_BWD = "fwd+bwd";

    /** A row that was not measured, with the reason. */
    public static AttentionRow skipped(AttentionCase c, String pass, String note) {
        return new AttentionRow(c.pattern().id(), c.length(), c.pathName(), pass, null, -1, -1, note);
    }

    /** True when the pass ran. */
    public boolean measured() {
        return stats != null;
    }

    /** One CSV line; a skipped row leaves the numbers empty and puts the reason in peak_mb's place. */
    public String csv() {
        if (!measured()) {
            return String.join(",", pattern, Integer.toString(length), path, pass, "", "", "", quote(note));
        }
        return String.format(Locale.ROOT, "%s,%d,%s,%s,%.2f,%.2f,%.2f,%.1f", pattern, length, path, pass,
                stats.median(), stats.min(), stats.max(), peakMb);
    }

    /** Parses {@link #csv()} output plus the heap column a child JVM appends. */
    public static AttentionRow parseChild(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 9) {
            throw new IllegalArgumentException("bench child: malformed result line '" + line + "'");
        }
        Stats s = f[4].isEmpty() ? null : new Stats(Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                Double.parseDouble(f[6]), 0);
        return new AttentionRow(f[0], Integer.parseInt(f[1]), f[2], f[3], s,
                Double.parseDouble(f[7]), Double.parseDouble(f[8].split(";", 2)[0]),
                f[8].contains(";") ? f[8].split(";", 2)[1] : "");
    }

    /** The tab-separated form a child JVM prints (full precision, heap and note included). */
    public String childLine() {
        String st = stats == null ? "\t\t" : stats.median() + "\t" + stats.min() + "\t" + stats.max();
        return String.join("\t", pattern, Integer.toString(length), path, pass, st, Double.toString(peakMb),
                heapMb + (note.isEmpty() ? "" : ";" + note));
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
