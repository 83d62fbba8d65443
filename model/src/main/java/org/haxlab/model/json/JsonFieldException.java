package org.haxlab.model.json;

/** One JSON field is missing or wrong; {@link #field()} is its path such as {@code models[0].config.dModel}. */
public final class JsonFieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    /**
     * @param field   the field's JSON path
     * @param problem what is wrong with it
     */
    public JsonFieldException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The field's JSON path. */
    public String field() {
        return field;
    }

    /** What is wrong. */
    public String problem() {
        return problem;
    }
}
