package org.haxlab.model.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code metrics.csv}, one row per step:
 * {@value #HEADER}. The validation columns are empty except at validation steps. Every row is flushed, so a
 * killed run keeps its curve up to its last step.
 */
public final class MetricsCsv implements TrainingListener, AutoCloseable {

    /** The header row. */
    public static final String HEADER = "step,loss,gate_loss,accuracy,val_loss,val_accuracy,lr,tokens_per_s,elapsed_s";

    private final BufferedWriter out;

    /** Creates (or truncates) {@code file} and writes the header. */
    public MetricsCsv(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write(HEADER);
        out.newLine();
        out.flush();
    }

    private MetricsCsv(BufferedWriter out) {
        this.out = out;
    }

    /**
     * Continues {@code file} for a run resumed at {@code step}: rows after that step (written after the
     * checkpoint the run resumes from) and a torn last line are dropped, so the resumed steps are not listed
     * twice; new rows are appended. A missing file is started with the header.
     *
     * @throws IOException when the file cannot be rewritten, or its header is not {@value #HEADER}
     */
    public static MetricsCsv continueAt(Path file, int step) throws IOException {
        if (!Files.exists(file)) {
            return new MetricsCsv(file);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(file + ": header is not '" + HEADER + "' (not a HAX Lab metrics file, or from"
                    + " another version): move it away to resume");
        }
        List<String> kept = new ArrayList<>();
        kept.add(HEADER);
        for (String line : lines.subList(1, lines.size())) {
            int s = rowStep(line);
            if (s >= 1 && s <= step) {
                kept.add(line);
            }
        }
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Files.write(tmp, kept, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new MetricsCsv(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
    }

    /** The step of a row, or -1 for a torn or foreign line (it has fewer columns or no step number). */
    private static int rowStep(String line) {
        String[] cols = line.split(",", -1);
        if (cols.length != HEADER.split(",").length) {
            return -1;
        }
        try {
            return Integer.parseInt(cols[0]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The row of {@code e} (no line break). */
    public static String row(StepEvent e) {
        ValidationEvent v = e.validation();
        return String.join(",", Integer.toString(e.step()), num(e.loss()), num(e.gateLoss()), num(e.accuracy()),
                v == null ? "" : num(v.loss()), v == null ? "" : num(v.accuracy()), num(e.learningRate()),
                num(e.tokensPerSecond()), num(e.elapsedSeconds()));
    }

    private static String num(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.6g", x) : "";
    }

    @Override
    public void onStep(StepEvent e) {
        try {
            out.write(row(e));
            out.newLine();
            out.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException("metrics.csv: cannot write step " + e.step(), ex);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
