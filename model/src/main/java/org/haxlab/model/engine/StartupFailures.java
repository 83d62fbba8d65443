package org.haxlab.model.engine;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns what can go wrong at engine start into messages that say what failed, where, and what to do.
 * Checks that can be made before DJL touches the disk are made first ({@link #checkBeforeUnpack}), so
 * the common cases (read-only or full home, damaged cache) never reach a native stack trace.
 */
final class StartupFailures {

    /** Extra room asked for beyond the natives themselves: DJL writes a temporary copy and then renames. */
    static final long HEADROOM_BYTES = 16L << 20;

    private StartupFailures() {
    }

    /**
     * Fails early, with a clear message, when the cache folder is damaged, not writable or too small.
     *
     * @param cache        the natives and their cache folder
     * @param usableBytes  free space where the cache goes, or -1 when unknown
     * @throws EngineUnavailableException when the engine cannot start from this cache
     */
    static void checkBeforeUnpack(NativesCache cache, long usableBytes) {
        NativesCache.State state = cache.state();
        if (state == NativesCache.State.INCOMPLETE) {
            throw new EngineUnavailableException("The PyTorch natives cache at " + cache.dir()
                    + " is incomplete or damaged (an interrupted first start?). Delete that folder and start "
                    + "again; it is unpacked anew (about " + megabytes(cache.expectedBytes()) + ").");
        }
        if (state == NativesCache.State.PRESENT) {
            return;
        }
        Path existing = nearestExisting(cache.cacheRoot());
        if (existing == null || !Files.isWritable(existing) || !Files.isDirectory(existing)) {
            throw new EngineUnavailableException("Cannot unpack the PyTorch natives: " + cache.cacheRoot()
                    + " cannot be created or written (" + why(existing) + "). Set DJL_CACHE_DIR to a writable folder with "
                    + megabytes(cache.expectedBytes()) + " free, e.g. DJL_CACHE_DIR=/tmp/djl haxlab ...");
        }
        long needed = cache.expectedBytes() + HEADROOM_BYTES;
        if (usableBytes >= 0 && usableBytes < needed) {
            throw new EngineUnavailableException("Cannot unpack the PyTorch natives into " + cache.cacheRoot()
                    + ": it needs " + megabytes(needed) + " but only " + megabytes(usableBytes)
                    + " are free there. Free some space or set DJL_CACHE_DIR to a folder on a larger disk.");
        }
    }

    private static String why(Path existing) {
        if (existing == null) {
            return "no parent folder exists";
        }
        return Files.isDirectory(existing) ? existing + " is read-only" : existing + " is a file, not a folder";
    }

    /** Free bytes on the disk that holds (or will hold) {@code dir}, or -1 when it cannot be known. */
    static long usableSpace(Path dir) {
        Path existing = nearestExisting(dir);
        if (existing == null) {
            return -1;
        }
        try {
            FileStore store = Files.getFileStore(existing);
            return store.getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Explains a failure thrown while DJL loaded the engine.
     *
     * @param failure    what DJL threw (an {@code EngineException}, an {@code UnsatisfiedLinkError}, ...)
     * @param cache      the natives it was loading, or null when they could not even be located
     * @param gpusOnHost CUDA devices the driver reports (0 without a driver)
     */
    static EngineUnavailableException explain(Throwable failure, NativesCache cache, int gpusOnHost) {
        String root = rootMessage(failure);
        if (cache == null) {
            return new EngineUnavailableException("The PyTorch engine could not start: " + root, failure);
        }
        if (cache.cudaBuild() && gpusOnHost == 0) {
            return new EngineUnavailableException("The PyTorch engine could not start: this is a CUDA build ("
                    + cache.flavor() + " natives, from -Pcuda) but no CUDA device is visible, and DJL cannot "
                    + "fetch CPU natives offline. Build without -Pcuda for CPU, or check the NVIDIA driver "
                    + "(nvidia-smi) and CUDA_VISIBLE_DEVICES. Cause: " + root, failure);
        }
        if (hasCause(failure, UnsatisfiedLinkError.class) || cache.state() == NativesCache.State.INCOMPLETE) {
            return new EngineUnavailableException("The PyTorch native libraries in " + cache.dir()
                    + " could not be loaded (" + root + "). The cache may be damaged: delete that folder and "
                    + "start again, or set DJL_CACHE_DIR to an empty writable folder.", failure);
        }
        if (hasCause(failure, IOException.class) || root.contains("extract") || root.contains("copy")) {
            return new EngineUnavailableException("Could not unpack the PyTorch natives into " + cache.cacheRoot()
                    + " (" + root + "). Check that it is writable and has " + megabytes(cache.expectedBytes())
                    + " free, or set DJL_CACHE_DIR to another folder.", failure);
        }
        return new EngineUnavailableException("The PyTorch engine could not start from " + cache.dir() + ": "
                + root + ". If this persists, delete that folder or set DJL_CACHE_DIR to an empty writable "
                + "folder.", failure);
    }

    /** The innermost cause's class and message, e.g. {@code UnsatisfiedLinkError: libtorch.so: ...}. */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    static String megabytes(long bytes) {
        return (bytes >> 20) + " MB";
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Path nearestExisting(Path dir) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p;
    }
}
