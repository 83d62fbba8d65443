package org.haxlab.app.scenario;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Typed reads of one JSON object that name the offending field (by its path from the file's root)
 * when a value is missing or of the wrong type. Gson's own binding would fill records with
 * defaults silently; a teaching file must rather say what is wrong.
 */
final class JsonFields {
    private final JsonObject object;
    private final String path;

    JsonFields(JsonObject object, String path) {
        this.object = object;
        this.path = path;
    }

    /** The path of a member of this object. */
    String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** True when the member exists and is not JSON null. */
    boolean has(String name) {
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

    String string(String name) {
        JsonPrimitive p = primitive(name, "a string");
        if (!p.isString()) {
            throw new JsonFieldException(pathOf(name), "must be a string, not " + p);
        }
        return p.getAsString();
    }

    String optString(String name) {
        return has(name) ? string(name) : null;
    }

    long longValue(String name) {
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

    int integer(String name) {
        long v = longValue(name);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new JsonFieldException(pathOf(name), v + " is out of the integer range");
        }
        return (int) v;
    }

    /** A whole number in {@code min..max}, or an error naming the field and the range. */
    int integer(String name, int min, int max) {
        int v = integer(name);
        if (v < min || v > max) {
            throw new JsonFieldException(pathOf(name), v + " is outside " + min + ".." + max);
        }
        return v;
    }

    Integer optInteger(String name) {
        return has(name) ? integer(name) : null;
    }

    double number(String name) {
        JsonPrimitive p = primitive(name, "a number");
        if (!p.isNumber()) {
            throw new JsonFieldException(pathOf(name), "must be a number, not " + p);
        }
        return p.getAsDouble();
    }

    boolean bool(String name, boolean fallback) {
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
    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String s = string(name);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        throw new JsonFieldException(pathOf(name), "'" + s + "' is not one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")));
    }

    JsonFields object(String name) {
        JsonElement e = required(name);
        if (!e.isJsonObject()) {
            throw new JsonFieldException(pathOf(name), "must be an object, not " + e);
        }
        return new JsonFields(e.getAsJsonObject(), pathOf(name));
    }

    JsonArray array(String name) {
        JsonElement e = required(name);
        if (!e.isJsonArray()) {
            throw new JsonFieldException(pathOf(name), "must be an array, not " + e);
        }
        return e.getAsJsonArray();
    }

    /** Element {@code i} of array member {@code name} as an object. */
    JsonFields element(String name, JsonArray array, int i) {
        JsonElement e = array.get(i);
        String p = pathOf(name) + "[" + i + "]";
        if (!e.isJsonObject()) {
            throw new JsonFieldException(p, "must be an object, not " + e);
        }
        return new JsonFields(e.getAsJsonObject(), p);
    }

    /** Runs a record constructor, turning its refusal into an error on this object's path. */
    <T> T build(java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (JsonFieldException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new JsonFieldException(path.isEmpty() ? "(root)" : path, e.getMessage());
        }
    }
}
