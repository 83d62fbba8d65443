package org.haxlab.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Formats attention rows (CSV, aligned text, Markdown) and derives the comparisons the benchmark
 * targets name (docs/BENCHMARKS.md): sparse-over-dense speed-ups and the two targets (HAX at 16K at
 * least 20x faster sparse than dense; 64K under 2 GB).
 */
public final class AttentionReport {

    /** Required speed-up of sparse HAX over dense HAX at 16K (benchmark target). */
    public static final double TARGET_SPEEDUP = 20;
    /** Length of the speed-up target. */
    public static final int TARGET_SPEEDUP_LENGTH = 16384;
    /** Memory ceiling at 64K, MiB (benchmark target: "under 2 GB"). */
    public static final double TARGET_PEAK_MB = 2048;
    /** Length of the memory target. */
    public static final int TARGET_PEAK_LENGTH = 65536;

    private final List<AttentionRow> rows;

    /** A report over {@code rows}. */
    public AttentionReport(List<AttentionRow> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Header plus one line per row. */
    public String csv() {
        StringBuilder sb = new StringBuilder(AttentionRow.CSV_HEADER).append('\n');
        for (AttentionRow r : rows) {
            sb.append(r.csv()).append('\n');
        }
        return sb.toString();
    }

    /** A Markdown table with the heap column and notes. */
    public String markdown() {
        StringBuilder sb = new StringBuilder(
                "| pattern | L | path | pass | median ms | min ms | max ms | peak RSS MB | peak heap MB | note |\n"
                        + "|---|---:|---|---|---:|---:|---:|---:|---:|---|\n");
        for (AttentionRow r : rows) {
            if (r.measured()) {
                sb.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %.1f | %.1f | %.1f | %.0f | %.0f | %s |%n",
                        r.pattern(), r.length(), r.path(), r.pass(), r.stats().median(), r.stats().min(),
                        r.stats().max(), r.peakMb(), r.heapMb(), r.note()));
            } else {
                sb.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | | | | | | %s |%n",
                        r.pattern(), r.length(), r.path(), r.pass(), r.note()));
            }
        }
        return sb.toString();
    }

    /** Aligned plain-text table. */
    public String text() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-5s %6s %-6s %-7s %10s %10s %10s %9s %8s  %s%n",
                "pat", "L", "path", "pass", "median ms", "min ms", "max ms", "peak MB", "heap MB", "note"));
        for (AttentionRow r : rows) {
            sb.append(text(r)).append('\n');
        }
        return sb.toString();
    }

    /** One aligned line. */
    public static String text(AttentionRow r) {
        if (!r.measured()) {
            return String.format(Locale.ROOT, "%-5s %6d %-6s %-7s %s", r.pattern(), r.length(), r.path(), r.pass(),
                    r.note());
        }
        return String.format(Locale.ROOT, "%-5s %6d %-6s %-7s %10.1f %10.1f %10.1f %9.0f %8.0f  %s", r.pattern(),
                r.length(), r.path(), r.pass(), r.stats().median(), r.stats().min(), r.stats().max(), r.peakMb(),
                r.heapMb(), r.note());
    }

    /** Median dense time over median sparse time for one pattern, length and pass, when both ran. */
    public Optional<Double> speedup(String pattern, int length, String pass) {
        Optional<AttentionRow> d = find(pattern, length, "dense", pass);
        Optional<AttentionRow> s = find(pattern, length, "sparse", pass);
        if (d.isEmpty() || s.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(d.get().stats().median() / s.get().stats().median());
    }

    private Optional<AttentionRow> find(String pattern, int length, String path, String pass) {
        return rows.stream().filter(r -> r.measured() && r.pattern().equals(pattern) && r.length() == length
                && r.path().equals(path) && r.pass().equals(pass)).findFirst();
    }

    /** Lines "speed-up sparse vs dense" for every measured pair, then the two target checks. */
    public List<String> summary() {
        List<String> out = new ArrayList<>();
        for (AttentionRow r : rows) {
            if (r.path().equals("sparse")) {
                speedup(r.pattern(), r.length(), r.pass()).ifPresent(x -> out.add(String.format(Locale.ROOT,
                        "%s L=%d %s: sparse %.1fx faster than dense", r.pattern(), r.length(), r.pass(), x)));
            }
        }
        for (String pass : new String[]{AttentionRow.FWD, AttentionRow.FWD_BWD}) {
            Optional<Double> s = speedup("hax", TARGET_SPEEDUP_LENGTH, pass);
            out.add(s.map(x -> String.format(Locale.ROOT, "target hax L=%d %s sparse >= %.0fx dense: %.1fx %s",
                            TARGET_SPEEDUP_LENGTH, pass, TARGET_SPEEDUP, x, x >= TARGET_SPEEDUP ? "MET" : "NOT MET"))
                    .orElse(String.format(Locale.ROOT, "target hax L=%d %s speed-up: not measured (dense or sparse missing)",
                            TARGET_SPEEDUP_LENGTH, pass)));
        }
        for (AttentionRow r : rows) {
            if (r.length() == TARGET_PEAK_LENGTH && r.path().equals("sparse")) {
                out.add(r.measured()
                        ? String.format(Locale.ROOT, "target %s L=%d %s under %.0f MB: %.0f MB %s", r.pattern(),
                        r.length(), r.pass(), TARGET_PEAK_MB, r.peakMb(), r.peakMb() < TARGET_PEAK_MB ? "MET" : "NOT MET")
                        : String.format(Locale.ROOT, "target %s L=%d %s under %.0f MB: %s", r.pattern(), r.length(),
                        r.pass(), TARGET_PEAK_MB, r.note()));
            }
        }
        return out;
    }
}
