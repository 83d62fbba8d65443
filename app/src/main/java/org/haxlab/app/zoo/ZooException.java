package org.haxlab.app.zoo;

import java.nio.file.Path;

/** A zoo file that cannot be used: which file, which field, what is wrong. */
public final class ZooException extends Exception {
    private final Path file;
    private final String field;

    /**
     * @param file  the zoo file
     * @param field the JSON path of the bad field ("" for the whole file), e.g. "models[2].checkpoint"
     */
    public ZooException(Path file, String field, String problem, Throwable cause) {
        super(file + (field.isEmpty() ? "" : ", " + field) + ": " + problem, cause);
        this.file = file;
        this.field = field;
    }

    /** The zoo file. */
    public Path file() {
        return file;
    }

    /** The bad field ("" for the whole file). */
    public String field() {
        return field;
    }
}
