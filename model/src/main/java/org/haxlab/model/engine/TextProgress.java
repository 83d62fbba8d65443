package org.haxlab.model.engine;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Shows the first-start unpacking on a terminal: one line rewritten in place
 * ({@code Unpacking PyTorch natives: 212 / 425 MB (50%)}), only when a whole percent changed.
 * For the CLI; the GUI has its own splash window.
 */
public final class TextProgress implements ProgressListener {

    private final PrintStream out;
    private int lastPercent = -1;

    /** Writes to {@code out}, usually {@code System.err} so that stdout stays clean for data. */
    public TextProgress(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void onUnpackStarted(NativesCache cache) {
        out.println("First start: unpacking the PyTorch " + cache.pytorchVersion() + " natives ("
                + StartupFailures.megabytes(cache.expectedBytes()) + ") to " + cache.dir());
    }

    @Override
    public synchronized void onProgress(long bytesDone, long bytesExpected) {
        int percent = (int) (100 * Math.min(bytesDone, bytesExpected) / bytesExpected);
        if (percent != lastPercent) {
            lastPercent = percent;
            out.print("\rUnpacking PyTorch natives: " + (bytesDone >> 20) + " / " + (bytesExpected >> 20)
                    + " MB (" + percent + "%)");
            out.flush();
        }
    }

    @Override
    public void onUnpackFinished() {
        out.println();
    }
}
