package org.haxlab.model.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
