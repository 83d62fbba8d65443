package org.haxlab.model.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;

/**
 * Parses JSON documents that users may have edited, with limits: nesting at most a given depth (a file of
 * 100,000 brackets is refused in one pass, before any recursive code sees it) and strict syntax. Errors are
 * {@link IllegalArgumentException}s whose message says what and where (JSON path).
 */
public final class BoundedJson {

    /** Default nesting limit: every HAX Lab file nests a handful of levels. */
    public static final int MAX_DEPTH = 32;

    /** Gson's words for a syntax error, which name a Java method ("... at line 1 column 12 path $.format"). */
    private static final String GSON_LENIENT_ADVICE = "Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON";

    private BoundedJson() {
    }

    /** Parses {@code text} as one JSON value nested at most {@link #MAX_DEPTH} deep. */
    public static JsonElement parse(String text) {
        return parse(text, MAX_DEPTH);
    }

    /** Parses {@code text} as one JSON value nested at most {@code maxDepth} deep. */
    public static JsonElement parse(String text, int maxDepth) {
        checkDepth(text, maxDepth);
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            JsonElement e = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("text after the JSON value at " + reader.getPath());
            }
            return e;
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && !(e instanceof com.google.gson.JsonParseException)) {
                throw iae;
            }
            throw new IllegalArgumentException("not valid JSON: " + rootMessage(e), e);
        }
    }

    /** Walks the tokens without building anything, refusing nesting deeper than {@code maxDepth}. */
    static void checkDepth(String text, int maxDepth) {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        int depth = 0;
        try {
            while (true) {
                JsonToken t = reader.peek();
                switch (t) {
                    case BEGIN_ARRAY, BEGIN_OBJECT -> {
                        if (++depth > maxDepth) {
                            throw new IllegalArgumentException("JSON nested deeper than " + maxDepth + " levels at "
                                    + reader.getPath());
                        }
                        if (t == JsonToken.BEGIN_ARRAY) {
                            reader.beginArray();
                        } else {
                            reader.beginObject();
                        }
                    }
                    case END_ARRAY -> {
                        depth--;
                        reader.endArray();
                    }
                    case END_OBJECT -> {
                        depth--;
                        reader.endObject();
                    }
                    case END_DOCUMENT -> {
                        return;
                    }
                    case NAME -> reader.nextName();
                    default -> reader.skipValue();
                }
            }
        } catch (IOException | com.google.gson.JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException("not valid JSON: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        // Gson appends a link to its troubleshooting page: not useful to our users
        int see = m.indexOf("\nSee https://");
        m = see >= 0 ? m.substring(0, see) : m;
        // and names its own API when the syntax is wrong; a user editing a file needs only the place
        return m.replace(GSON_LENIENT_ADVICE, "malformed JSON");
    }
}
