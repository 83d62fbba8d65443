package org.haxlab.app.scenario;

import java.nio.file.Path;

/** A scenario file could not be read or written; says which file, which field and what is wrong. */
public final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String field;
    private final String problem;

    /**
     * @param file    the scenario file (null when the JSON did not come from a file)
     * @param field   JSON path of the offending field such as {@code models[0].config.sparse.budget}, or "" for the whole file
     * @param problem what is wrong, in words
     * @param cause   the underlying error, or null
     */
    public ScenarioException(Path file, String field, String problem, Throwable cause) {
        super(describe(file, field, problem), cause);
        this.file = file;
        this.field = field;
        this.problem = problem;
    }

    /** The file, or null. */
    public Path file() {
        return file;
    }

    /** The JSON path of the offending field ("" for the whole file). */
    public String field() {
        return field;
    }

    /** What is wrong. */
    public String problem() {
        return problem;
    }

    private static String describe(Path file, String field, String problem) {
        StringBuilder sb = new StringBuilder("scenario");
        if (file != null) {
            sb.append(' ').append(file);
        }
        if (!field.isEmpty()) {
            sb.append(", field '").append(field).append('\'');
        }
        return sb.append(": ").append(problem).toString();
    }
}
