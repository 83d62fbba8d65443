package org.haxlab.model.engine;

/**
 * Receives the progress of the first-start unpacking of the native libraries (about 425 MB into
 * the DJL cache). Called from a background polling thread, never from the caller's thread: a GUI must
 * hop to its own thread before touching controls.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = (done, expected) -> { };

    /**
     * Bytes written so far out of the bytes expected. {@code done} may briefly exceed {@code expected}
     * (temporary files) and is reported as at most {@code expected}.
     *
     * @param bytesDone     bytes on disk in the cache so far
     * @param bytesExpected total bytes of the natives to unpack (&gt; 0)
     */
    void onProgress(long bytesDone, long bytesExpected);

    /** Called once before unpacking starts, with where the natives go. Default: nothing. */
    default void onUnpackStarted(NativesCache cache) {
    }

    /** Called once when unpacking ended (successfully or not). Default: nothing. */
    default void onUnpackFinished() {
    }
}
