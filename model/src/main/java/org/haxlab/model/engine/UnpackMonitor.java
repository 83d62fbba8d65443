package org.haxlab.model.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Reports how far an unpack into a folder has come by polling the folder's size from a daemon thread.
 *
 * <p>DJL gives no progress callback while it copies the natives, so we watch the disk instead: it
 * writes into a temporary folder inside the cache root and then renames it, so the growth of the whole
 * root over its size at the start is exactly what has been unpacked.
 */
public final class UnpackMonitor implements AutoCloseable {

    private final Path root;
    private final long expected;
    private final long baseline;
    private final ProgressListener listener;
    private final Thread poller;
    private volatile boolean running = true;
    private volatile long lastDone;

    /**
     * Starts polling {@code root} every {@code periodMillis}.
     *
     * @param root          folder that grows (need not exist yet)
     * @param expectedBytes bytes it will grow by (&gt; 0)
     * @param periodMillis  poll period (&gt; 0)
     * @param listener      receives progress on the polling thread
     */
    public UnpackMonitor(Path root, long expectedBytes, long periodMillis, ProgressListener listener) {
        this.root = Objects.requireNonNull(root, "root");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (expectedBytes <= 0 || periodMillis <= 0) {
            throw new IllegalArgumentException("expectedBytes and periodMillis must be > 0, got "
                    + expectedBytes + " and " + periodMillis);
        }
        this.expected = expectedBytes;
        this.baseline = Math.max(0, sizeOf(root));
        this.poller = new Thread(() -> poll(periodMillis), "haxlab-unpack-monitor");
        poller.setDaemon(true);
        poller.start();
    }

    /**
     * Bytes the folder grew by since this monitor started, capped at the expected size; never less than
     * an earlier answer (a walk that races a rename is skipped rather than reported as a drop).
     */
    public long bytesDone() {
        long size = sizeOf(root);
        if (size >= 0) {
            lastDone = Math.max(lastDone, Math.min(expected, size - baseline));
        }
        return lastDone;
    }

    /** Stops polling and sends one last report. */
    @Override
    public void close() {
        running = false;
        poller.interrupt();
        try {
            poller.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listener.onProgress(bytesDone(), expected);
    }

    private void poll(long periodMillis) {
        while (running) {
            listener.onProgress(bytesDone(), expected);
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Total size of the regular files under {@code root} (0 when it does not exist); files that vanish
     * mid-walk count 0; -1 when the walk itself failed.
     */
    static long sizeOf(Path root) {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.mapToLong(UnpackMonitor::sizeOrZero).sum();
        } catch (UncheckedIOException | IOException e) {
            // The tree changed under the walk (DJL renamed its temporary folder): try again next poll.
            return -1;
        }
    }

    private static long sizeOrZero(Path path) {
        try {
            return Files.isRegularFile(path) ? Files.size(path) : 0;
        } catch (NoSuchFileException e) {
            return 0; // renamed or deleted between listing and stat
        } catch (IOException e) {
            return 0;
        }
    }
}
