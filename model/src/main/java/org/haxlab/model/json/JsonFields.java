package org.haxlab.model.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Typed reads of one JSON object that name the offending field (by its path from the file's root)
 * when a value is missing or of the wrong type. Gson's own binding would fill records with
 * defaults silently; a hand-edited file must rather say what is wrong. Every failure is a
 * {@link JsonFieldException}.
 */
public final class JsonFields {
    private final JsonObject object;
    private final String path;

    /**
     * Reads {@code object}, found at {@code path} ("" for a document's root, e.g. {@code models[0].config}).
     */
    public JsonFields(JsonObject object, String path) {
        if (object == null || path == null) {
            throw new IllegalArgumentException("JSON fields: an object and its path are required");
        }
        this.object = object;
        this.path = path;
    }

    /** The object read. */
    public JsonObject json() {
        return object;
    }

    /** This object's path ("" for the root). */
    public String path() {
        return path;
    }

    /** The path of a member of this object. */
    public String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** True when the member exists and is not JSON null. */
    public boolean has(String name) {
        return object.has(name) && !object.get(name).isJsonNull();
    }

    private JsonElement required(String name) {
        if (!has(name)) {
            throw new JsonFieldException(pathOf(name), "is missing");
        }
        return object.get(name);
    }

    private JsonPrimitive primitive(String name, String expected) {
        JsonElement e = required(name);
        if (!e.isJsonPrimitive()) {
            throw new JsonFieldException(pathOf(name), "must be " + expected + ", not " + e);
        }
        return e.getAsJsonPrimitive();
    }

    /** A string member. */
    public String string(String name) {
        JsonPrimitive p = primitive(name, "a string");
        if (!p.isString()) {
            throw new JsonFieldException(pathOf(name), "must be a string, not " + p);
        }
        return p.getAsString();
    }

    /** A string member, or null when it is absent or null. */
    public String optString(String name) {
        return has(name) ? string(name) : null;
    }

    /** A whole-number member. */
    public long longValue(String name) {
        JsonPrimitive p = primitive(name, "a whole number");
        if (!p.isNumber()) {
            throw new JsonFieldException(pathOf(name), "must be a whole number, not " + p);
        }
        try {
            return p.getAsBigDecimal().longValueExact();
        } catch (ArithmeticException e) {
            throw new JsonFieldException(pathOf(name), "must be a whole number, not " + p);
        }
    }

    /** A whole-number member within the int range. */
    public int integer(String name) {
        long v = longValue(name);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new JsonFieldException(pathOf(name), v + " is out of the integer range");
        }
        return (int) v;
    }

    /** A whole number in {@code min..max}, or an error naming the field and the range. */
    public int integer(String name, int min, int max) {
        int v = integer(name);
        if (v < min || v > max) {
            throw new JsonFieldException(pathOf(name), v + " is outside " + min + ".." + max);
        }
        return v;
    }

    /** An int member, or null when it is absent or null. */
    public Integer optInteger(String name) {
        return has(name) ? integer(name) : null;
    }

    /** A number member. */
    public double number(String name) {
        JsonPrimitive p = primitive(name, "a number");
        if (!p.isNumber()) {
            throw new JsonFieldException(pathOf(name), "must be a number, not " + p);
        }
        return p.getAsDouble();
    }

    /** A boolean member, or {@code fallback} when it is absent or null. */
    public boolean bool(String name, boolean fallback) {
        if (!has(name)) {
            return fallback;
        }
        JsonPrimitive p = primitive(name, "true or false");
        if (!p.isBoolean()) {
            throw new JsonFieldException(pathOf(name), "must be true or false, not " + p);
        }
        return p.getAsBoolean();
    }

    /** An enum constant written by its {@link Enum#name()}; the error lists the accepted names. */
    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String s = string(name);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        throw new JsonFieldException(pathOf(name), "'" + s + "' is not one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")));
    }

    /** An object member, read with its path. */
    public JsonFields object(String name) {
        JsonElement e = required(name);
        if (!e.isJsonObject()) {
            throw new JsonFieldException(pathOf(name), "must be an object, not " + e);
        }
        return new JsonFields(e.getAsJsonObject(), pathOf(name));
    }

    /** An array member. */
    public JsonArray array(String name) {
        JsonElement e = required(name);
        if (!e.isJsonArray()) {
            throw new JsonFieldException(pathOf(name), "must be an array, not " + e);
        }
        return e.getAsJsonArray();
    }

    /** Element {@code i} of array member {@code name} as an object. */
    public JsonFields element(String name, JsonArray array, int i) {
        JsonElement e = array.get(i);
        String p = pathOf(name) + "[" + i + "]";
        if (!e.isJsonObject()) {
            throw new JsonFieldException(p, "must be an object, not " + e);
        }
        return new JsonFields(e.getAsJsonObject(), p);
    }

    /** Runs a record constructor, turning its refusal into an error on this object's path. */
    public <T> T build(java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (JsonFieldException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new JsonFieldException(path.isEmpty() ? "(root)" : path, e.getMessage());
        }
    }
}
