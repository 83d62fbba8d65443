package org.haxlab.model.train;

import java.nio.file.Path;

/** A run folder cannot be used as asked: the message names the folder, why, and what to do instead. */
public final class RunFolderException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the folder was refused. */
    public enum Reason {
        /** Another run (process or trainer) holds the folder's lock. */
        IN_USE,
        /** A new run into a folder that already holds files. */
        NOT_EMPTY,
        /** {@code --overwrite} of a folder that does not look like a run folder. */
        NOT_A_RUN,
        /** A resume of a folder without a complete {@code last/} checkpoint. */
        NOTHING_TO_RESUME,
        /** The file system refused (permissions, disk full). */
        IO
    }

    private final Reason reason;
    private final transient Path dir;

    /**
     * @param reason  why
     * @param dir     the run folder
     * @param problem what is wrong and what to do
     */
    public RunFolderException(Reason reason, Path dir, String problem) {
        this(reason, dir, problem, null);
    }

    /** Same, with the underlying error. */
    public RunFolderException(Reason reason, Path dir, String problem, Throwable cause) {
        super(dir + ": " + problem, cause);
        this.reason = reason;
        this.dir = dir;
    }

    /** Why the folder was refused. */
    public Reason reason() {
        return reason;
    }

    /** The run folder. */
    public Path dir() {
        return dir;
    }
}
