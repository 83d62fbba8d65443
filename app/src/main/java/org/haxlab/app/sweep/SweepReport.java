package org.haxlab.app.sweep;

import org.haxlab.app.table.RunResult;
import org.haxlab.model.train.CheckpointStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a sweep knows about each configuration's run: from {@code train}'s summary line in the run's log
 * ({@code state=finished steps=3000 loss=... best_val_accuracy=...}, the last one written) and, for runs with
 * {@code --test-samples}, its {@code result.json}; and the summary CSV of the whole sweep.
 */
public final class SweepReport {

    /** The sweep's summary file. */
    public static final String CSV = "sweep.csv";

    private static final Pattern SUMMARY = Pattern.compile(
            "^state=(\\S+) steps=(\\d+) loss=(\\S+) best_val_accuracy=(\\S+) out=.*$");

    /**
     * The last summary line of a run.
     *
     * @param state          finished, stopped, diverged, failed
     * @param steps          steps done
     * @param loss           last training loss (as printed)
     * @param bestValAccuracy best validation accuracy (as printed, "-" when never validated)
     */
    public record Summary(String state, int steps, String loss, String bestValAccuracy) {
    }

    private SweepReport() {
    }

    /** The last summary line in {@code log}, or null when the run never ended (or never started). */
    public static Summary lastSummary(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return null;
        }
        Summary last = null;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = SUMMARY.matcher(line.strip());
            if (m.matches()) {
                last = new Summary(m.group(1), Integer.parseInt(m.group(2)), m.group(3), m.group(4));
            }
        }
        return last;
    }

    /** True when the run finished: it has a result, or its last summary says finished and its last/ exists. */
    public static boolean done(Path runDir, Path log) throws IOException {
        if (Files.isRegularFile(runDir.resolve(RunResult.FILE))) {
            return true;
        }
        Summary s = lastSummary(log);
        return s != null && s.state().equals("finished") && Files.isDirectory(runDir.resolve(CheckpointStore.LAST));
    }

    /** Writes {@value #CSV}: one line per configuration, its axis values, how it ended and its accuracies. */
    public static Path write(Path out, SweepGrid grid, List<SweepGrid.Config> configs, Path runs, Path logs)
            throws IOException {
        StringBuilder b = new StringBuilder("name");
        for (String axis : grid.axes().keySet()) {
            b.append(',').append(axis);
        }
        b.append(",state,steps,final_loss,best_val_accuracy,test_accuracy\n");
        for (SweepGrid.Config c : configs) {
            b.append(c.name());
            for (String v : c.values().values()) {
                b.append(',').append(v);
            }
            Summary s = lastSummary(logs.resolve(c.name() + ".log"));
            String test = "";
            Path dir = runs.resolve(c.name());
            if (Files.isRegularFile(dir.resolve(RunResult.FILE))) {
                double acc = RunResult.load(dir).testAccuracy();
                test = Double.isFinite(acc) ? String.format(Locale.ROOT, "%.6f", acc) : "";
            }
            b.append(',').append(s == null ? "not run" : s.state())
                    .append(',').append(s == null ? "" : Integer.toString(s.steps()))
                    .append(',').append(s == null ? "" : s.loss())
                    .append(',').append(s == null || s.bestValAccuracy().equals("-") ? "" : s.bestValAccuracy())
                    .append(',').append(test).append('\n');
        }
        Path file = out.resolve(CSV);
        Path tmp = out.resolve(CSV + ".tmp");
        Files.writeString(tmp, b.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
