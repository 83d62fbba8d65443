package org.haxlab.app.table;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of the finished table: a row's test accuracy over its seeds (fractions in 0..1).
 *
 * @param entry        the table row
 * @param seeds        seeds aggregated
 * @param mean         mean test accuracy
 * @param std          sample standard deviation over the seeds (n - 1 in the denominator; 0 for one seed)
 * @param min          lowest seed
 * @param max          highest seed
 * @param params       number of weights (identical across seeds)
 * @param trainSeconds mean training time of one run, in seconds
 * @param notFinished  runs among {@code seeds} that did not end as finished (diverged, failed, stopped)
 */
public record TableRow(TableEntry entry, int seeds, double mean, double std, double min, double max, long params,
                       double trainSeconds, int notFinished) {

    /**
     * Aggregates {@code results} into one row per entry of {@code order} that has at least one result, in that
     * order. A run whose test accuracy is NaN (it never produced a checkpoint) counts in {@link #notFinished()}
     * but not in the statistics.
     */
    public static List<TableRow> aggregate(List<RunResult> results, List<TableEntry> order) {
        List<TableRow> rows = new ArrayList<>();
        for (TableEntry e : order) {
            List<RunResult> mine = results.stream().filter(r -> r.entry() == e).toList();
            if (mine.isEmpty()) {
                continue;
            }
            double[] acc = mine.stream().mapToDouble(RunResult::testAccuracy).filter(Double::isFinite).toArray();
            int notFinished = (int) mine.stream().filter(r -> !r.state().equals("finished")).count();
            double mean = Double.NaN;
            double std = Double.NaN;
            double min = Double.NaN;
            double max = Double.NaN;
            if (acc.length > 0) {
                mean = 0;
                min = Double.POSITIVE_INFINITY;
                max = Double.NEGATIVE_INFINITY;
                for (double a : acc) {
                    mean += a;
                    min = Math.min(min, a);
                    max = Math.max(max, a);
                }
                mean /= acc.length;
                double ss = 0;
                for (double a : acc) {
                    ss += (a - mean) * (a - mean);
                }
                std = acc.length > 1 ? Math.sqrt(ss / (acc.length - 1)) : 0;
            }
            double seconds = mine.stream().mapToDouble(RunResult::trainSeconds).average().orElse(Double.NaN);
            rows.add(new TableRow(e, mine.size(), mean, std, min, max, mine.get(0).params(), seconds, notFinished));
        }
        return List.copyOf(rows);
    }
}
