package org.haxlab.app.table;

import org.haxlab.model.trace.Backbone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/** Writes a table as {@value #CSV} (fractions, machine-readable) and {@value #MARKDOWN} (percent, for people). */
public final class TableWriter {

    /** The CSV file name. */
    public static final String CSV = "table.csv";
    /** The markdown file name. */
    public static final String MARKDOWN = "table.md";
    /** The CSV header. */
    public static final String HEADER = "pattern,label,seeds,mean_acc,std_acc,min_acc,max_acc,params,train_seconds";

    private TableWriter() {
    }

    /** The CSV text: {@value #HEADER}, one line per row; accuracies as fractions, empty when unknown. */
    public static String csv(List<TableRow> rows) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (TableRow r : rows) {
            b.append(String.join(",", r.entry().id(), quote(r.entry().label()), Integer.toString(r.seeds()),
                    num(r.mean()), num(r.std()), num(r.min()), num(r.max()), Long.toString(r.params()),
                    Double.isFinite(r.trainSeconds()) ? String.format(Locale.ROOT, "%.1f", r.trainSeconds()) : ""))
                    .append('\n');
        }
        return b.toString();
    }

    /**
     * The markdown text: a title, the scale, the command, the table (mean ± std in %, min..max, the paper's number
     * beside), and a note that the paper's scale is far larger.
     *
     * @param rows    the aggregated rows
     * @param scale   the table's scale
     * @param command the exact command line that produced it
     * @param planned runs planned (rows x seeds), to say when the table is still partial
     * @param done    runs finished so far
     */
    public static String markdown(List<TableRow> rows, TableScale scale, String command, int planned, int done) {
        Backbone bb = scale.backbone();
        StringBuilder b = new StringBuilder();
        b.append("# MQJR test accuracy at reduced scale (").append(bb.label()).append(")\n\n");
        if (done < planned) {
            b.append("**Partial: ").append(done).append(" of ").append(planned).append(" runs finished.**\n\n");
        }
        b.append("Scale: ").append(scale.describe()).append(".\n\n");
        b.append("Command:\n\n    ").append(command).append("\n\n");
        b.append("| model | test acc. (%) mean ± std | min..max | seeds | params | s / run | paper ")
                .append(bb.label()).append(" (%) |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        for (TableRow r : rows) {
            String label = r.entry().label() + (r.entry() == TableEntry.SSM ? " (d " + scale.dModel() + ")" : "");
            String note = r.notFinished() > 0 ? " (" + r.notFinished() + " not finished)" : "";
            b.append("| ").append(label)
                    .append(" | ").append(pct(r.mean())).append(" ± ").append(pct(r.std()))
                    .append(" | ").append(pct(r.min())).append("..").append(pct(r.max()))
                    .append(" | ").append(r.seeds()).append(note)
                    .append(" | ").append(r.params())
                    .append(" | ").append(Double.isFinite(r.trainSeconds())
                            ? String.format(Locale.ROOT, "%.0f", r.trainSeconds()) : "-")
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f", r.entry().paperAccuracy(bb)))
                    .append(" |\n");
        }
        b.append("\nChance is 6.25 % (16 values). Test accuracy is taken at each run's best validation checkpoint, "
                + "as in the paper; std is the sample standard deviation over seeds.\n\n");
        b.append("The paper's column is its Table 1 (spec §4): d_model 64, k 64, n_c and n_k in 5..16 (lengths "
                + "112..1058), 400,000 steps at batch 64, best of three learning rates, mean of 3 seeds. This table "
                + "runs a much smaller model, grid and budget for a tiny fraction of the steps, so only orderings can "
                + "be compared, not the numbers themselves.\n");
        return b.toString();
    }

    /** Writes both files into {@code dir}, each atomically (temp file, then rename). */
    public static void write(Path dir, List<TableRow> rows, TableScale scale, String command, int planned, int done)
            throws IOException {
        Files.createDirectories(dir);
        atomic(dir.resolve(CSV), csv(rows));
        atomic(dir.resolve(MARKDOWN), markdown(rows, scale, command, planned, done));
    }

    private static void atomic(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String num(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.6f", x) : "";
    }

    private static String pct(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.1f", 100 * x) : "-";
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains(" ") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
