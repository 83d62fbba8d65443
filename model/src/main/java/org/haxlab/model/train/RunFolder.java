package org.haxlab.model.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A run folder held for one run: {@value #LOCK_FILE} locked (an OS file lock, released when the run ends
 * or its process dies) and naming its holder, so that a second run on the same folder is refused instead of
 * interleaving its {@code metrics.csv} and checkpoints with the first.
 *
 * <p>Opening also tidies what a killed save left behind: temporary checkpoint folders
 * ({@code .best.tmp-*}, {@code .last.tmp-*}) are deleted, and a checkpoint renamed aside
 * ({@code .NAME.old}) is put back when {@code NAME} is missing, else deleted.
 *
 * <p>A folder is <em>resumable</em> when it holds {@value CheckpointStore#LAST}/ (a complete checkpoint).
 */
public final class RunFolder implements AutoCloseable {

    /** The lock file inside a run folder. */
    public static final String LOCK_FILE = ".lock";
    /** The metrics file inside a run folder. */
    public static final String METRICS_FILE = "metrics.csv";

    /** How a run uses its folder. */
    public enum Mode {
        /** A new run: the folder must be new or empty. */
        NEW,
        /** A new run replacing a previous one: the folder is cleared first (it must look like a run folder). */
        OVERWRITE,
        /** Continue the run in the folder from its {@value CheckpointStore#LAST}/. */
        RESUME
    }

    // FileChannel locks are per process, and on Linux closing any channel of a file drops the process's lock
    // on it: folders held in this JVM are refused here, before a second channel is ever opened
    private static final Map<Path, String> HELD = new ConcurrentHashMap<>();

    private final Path dir;
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private final List<String> removed = new ArrayList<>();
    private final boolean createdLockFile;

    private RunFolder(Path dir, Path key, FileChannel channel, FileLock lock, boolean createdLockFile) {
        this.dir = dir;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
        this.createdLockFile = createdLockFile;
    }

    /**
     * Locks {@code dir} for a run in {@code mode}, after the checks of that mode, and removes leftovers of
     * killed saves. NEW and OVERWRITE create the folder when missing; RESUME needs it to exist with a
     * {@value CheckpointStore#LAST}/.
     *
     * @throws RunFolderException naming the folder and what to do: held by another run (naming the holder),
     *                            not empty, not a run folder, nothing to resume, or an I/O failure
     */
    public static RunFolder open(Path dir, Mode mode) throws RunFolderException {
        Path d = dir.toAbsolutePath().normalize();
        try {
            if (mode == Mode.RESUME && !Files.isDirectory(d)) {
                throw new RunFolderException(RunFolderException.Reason.NOTHING_TO_RESUME, d,
                        "no such run folder to resume");
            }
            if (Files.exists(d) && !Files.isDirectory(d)) {
                throw new RunFolderException(RunFolderException.Reason.NOT_A_RUN, d, "is a file, not a run folder");
            }
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new RunFolderException(RunFolderException.Reason.IO, d, "cannot be created: " + e, e);
        }
        RunFolder folder = lock(d);
        try {
            folder.prepare(mode);
            return folder;
        } catch (RunFolderException | RuntimeException e) {
            if (folder.createdLockFile) {
                // a refused folder (e.g. someone's documents given as --out) keeps no trace of the attempt
                try {
                    Files.deleteIfExists(d.resolve(LOCK_FILE));
                } catch (IOException ignored) {
                    // harmless: an empty lock file naming us
                }
            }
            folder.close();
            throw e;
        }
    }

    /** True when {@code dir} holds a complete checkpoint to resume from ({@value CheckpointStore#LAST}/). */
    public static boolean resumable(Path dir) {
        return Files.isDirectory(dir.resolve(CheckpointStore.LAST))
                || Files.isDirectory(dir.resolve("." + CheckpointStore.LAST + ".old"));
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }

    /** Leftovers of killed saves removed or put back when the folder was opened (names, for a message). */
    public List<String> removedLeftovers() {
        return List.copyOf(removed);
    }

    /** Releases the lock (the lock file stays, naming the last holder). */
    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            // the lock goes with the channel or the process anyway
        } finally {
            HELD.remove(key);
        }
    }

    private static RunFolder lock(Path d) throws RunFolderException {
        Path key;
        try {
            key = d.toRealPath();
        } catch (IOException e) {
            throw new RunFolderException(RunFolderException.Reason.IO, d, "cannot be resolved: " + e, e);
        }
        Path file = d.resolve(LOCK_FILE);
        String me = holderText();
        String other = HELD.putIfAbsent(key, me);
        if (other != null) {
            throw inUse(d, "another run in this process (" + other + ")");
        }
        FileChannel ch = null;
        try {
            boolean created = !Files.exists(file);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = ch.tryLock();
            if (lock == null) {
                String holder = readHolder(ch);
                ch.close();
                HELD.remove(key);
                throw inUse(d, holder.isEmpty() ? "another process (it has not written its name yet)" : holder);
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
            return new RunFolder(d, key, ch, lock, created);
        } catch (IOException e) {
            HELD.remove(key);
            closeQuietly(ch);
            throw new RunFolderException(RunFolderException.Reason.IO, d, "cannot lock " + file + ": " + e, e);
        } catch (RuntimeException e) {
            HELD.remove(key);
            closeQuietly(ch);
            throw e;
        }
    }

    private static RunFolderException inUse(Path d, String holder) {
        return new RunFolderException(RunFolderException.Reason.IN_USE, d, "is in use by " + holder
                + " (lock " + LOCK_FILE + "); wait for that run to end or stop it");
    }

    /** Reads the holder's line through the open channel (reading through another one would drop our lock). */
    private static String readHolder(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(512);
        int n = ch.read(buf, 0);
        return n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.UTF_8).strip();
    }

    /** {@code pid PID on HOST since INSTANT}. */
    static String holderText() {
        return "pid " + ProcessHandle.current().pid() + " on " + host() + " since " + Instant.now();
    }

    private static String host() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) {
            return h;
        }
        try {
            return Files.readString(Path.of("/etc/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            return "localhost";
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing held
            }
        }
    }

    private void prepare(Mode mode) throws RunFolderException {
        List<String> entries = entries();
        boolean looksLikeRun = entries.stream().anyMatch(RunFolder::runEntry);
        switch (mode) {
            case NEW -> {
                if (!entries.isEmpty()) {
                    throw new RunFolderException(RunFolderException.Reason.NOT_EMPTY, dir, resumable(dir)
                            ? "already holds a run: add --resume to continue it, or --overwrite to replace it"
                            : "is not empty (" + String.join(", ", entries.subList(0, Math.min(5, entries.size())))
                            + (entries.size() > 5 ? ", ..." : "") + "): use --overwrite to clear it and start a new"
                            + " run there (only a run folder), --resume to continue a run, or another folder");
                }
            }
            case OVERWRITE -> {
                if (!entries.isEmpty() && !looksLikeRun) {
                    throw new RunFolderException(RunFolderException.Reason.NOT_A_RUN, dir, "holds files but no run ("
                            + "no " + METRICS_FILE + ", best/ or last/): --overwrite clears run folders only;"
                            + " choose a new or empty folder");
                }
                clear(entries);
            }
            case RESUME -> {
                tidy(entries);
                if (!resumable(dir)) {
                    throw new RunFolderException(RunFolderException.Reason.NOTHING_TO_RESUME, dir, "holds no "
                            + CheckpointStore.LAST + "/ checkpoint to resume (start it without --resume)");
                }
            }
            default -> throw new IllegalStateException(mode.name());
        }
    }

    /** Every entry except the lock file. */
    private List<String> entries() throws RunFolderException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(LOCK_FILE)).sorted().toList();
        } catch (IOException e) {
            throw new RunFolderException(RunFolderException.Reason.IO, dir, "cannot be listed: " + e, e);
        }
    }

    private static boolean runEntry(String name) {
        return name.startsWith("." + CheckpointStore.BEST + ".tmp-") || name.startsWith("." + CheckpointStore.LAST + ".tmp-")
                || name.equals(METRICS_FILE) || name.equals(CheckpointStore.BEST) || name.equals(CheckpointStore.LAST)
                || name.equals("." + CheckpointStore.BEST + ".old") || name.equals("." + CheckpointStore.LAST + ".old");
    }

    /** Deletes every entry but the lock; links are deleted, never followed (nothing outside is touched). */
    private void clear(List<String> entries) throws RunFolderException {
        try {
            for (String n : entries) {
                Path p = dir.resolve(n);
                if (Files.isSymbolicLink(p) || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(p);
                } else {
                    CheckpointStore.deleteTree(p);
                }
            }
        } catch (IOException e) {
            throw new RunFolderException(RunFolderException.Reason.IO, dir, "cannot be cleared: " + e, e);
        }
    }

    /** Removes temporary checkpoint folders of killed saves and settles {@code .NAME.old} folders. */
    private void tidy(List<String> entries) throws RunFolderException {
        List<String> done = new ArrayList<>();
        try {
            for (String n : entries) {
                if (n.startsWith(".") && n.contains(".tmp-")) {
                    CheckpointStore.deleteTree(dir.resolve(n));
                    done.add(n);
                }
            }
            for (String name : new String[] {CheckpointStore.BEST, CheckpointStore.LAST}) {
                Path old = dir.resolve("." + name + ".old");
                if (Files.isDirectory(old)) {
                    if (Files.exists(dir.resolve(name))) {
                        CheckpointStore.deleteTree(old);
                    } else {
                        Files.move(old, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                    }
                    done.add(old.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new RunFolderException(RunFolderException.Reason.IO, dir, "cannot remove what a killed save left: "
                    + e, e);
        }
        removed.addAll(done);
    }
}
