package org.haxlab.app.jobs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a table's or a sweep's folder for as long as its scheduler runs, so a second invocation on
 * the same folder is refused instead of racing for the same runs. The lock file holds the holder's pid.
 */
public final class FolderLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code file} (created when missing).
     *
     * @param file the lock file inside the folder
     * @param what what holds the folder, for the message (e.g. "table")
     * @throws IllegalStateException when another process (or this one) holds it
     */
    public static FolderLock acquire(Path file, String what) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;   // this JVM holds it already
        }
        if (l == null) {
            String holder = "";
            try {
                holder = Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException ignored) {
                // the holder's pid is a courtesy
            }
            ch.close();
            throw new IllegalStateException(file.getParent() + " is in use by another " + what
                    + (holder.isEmpty() ? "" : " (pid " + holder + ")") + ": " + file
                    + " is locked; wait for it to end or stop it first");
        }
        ch.truncate(0).write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
        return new FolderLock(ch, l);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
