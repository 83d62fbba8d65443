package org.haxlab.app.cli;

import java.io.PrintWriter;

/** Adapts picocli's error writer to the PrintStream the progress line takes. */
final class WriterStream extends java.io.OutputStream {
    private final PrintWriter writer;

    WriterStream(PrintWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write(int b) {
        writer.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        writer.write(new String(b, off, len, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void flush() {
        writer.flush();
    }
}
