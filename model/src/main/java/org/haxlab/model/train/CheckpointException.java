package org.haxlab.model.train;

import java.nio.file.Path;

/** A checkpoint could not be written, or is unusable: the message names the file and what is wrong. */
public final class CheckpointException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * @param file    the file or directory at fault
     * @param problem what is wrong with it
     */
    public CheckpointException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** Same, with the underlying error. */
    public CheckpointException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file or directory at fault. */
    public Path file() {
        return file;
    }
}
