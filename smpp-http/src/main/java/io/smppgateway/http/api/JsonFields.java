package io.smppgateway.http.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the fields of a JSON request body by type, noting every field of the wrong type by its name
 * instead of stopping at the first. Lenient where the manual's clients differ: a number may come as
 * a numeric string ({@code "2775"}), a boolean as {@code 0}/{@code 1} (PHP, MySQL habits). A
 * {@code null} counts as absent. The limits themselves are the records' (Gateway, Client) to check.
 */
final class JsonFields {

    private final JsonObject body;
    private final Map<String, String> errors = new LinkedHashMap<>();

    JsonFields(JsonObject body) {
        this.body = body;
    }

    boolean has(String name) {
        JsonElement value = body.get(name);
        return value != null && !value.isJsonNull();
    }

    /** A string (or a number, taken as its text); null when absent or of another type. */
    String text(String name) {
        if (!has(name)) {
            return null;
        }
        JsonElement value = body.get(name);
        if (value.isJsonPrimitive() && !value.getAsJsonPrimitive().isBoolean()) {
            return value.getAsString();
        }
        errors.putIfAbsent(name, "must be a string");
        return null;
    }

    /** A whole number that fits an int; null when absent or invalid. */
    Integer integer(String name) {
        Long value = wholeNumber(name);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            errors.putIfAbsent(name, "out of range (got " + value + ")");
            return null;
        }
        return value.intValue();
    }

    /** A whole number; null when absent or invalid. */
    Long wholeNumber(String name) {
        if (!has(name)) {
            return null;
        }
        JsonElement value = body.get(name);
        if (value.isJsonPrimitive() && !value.getAsJsonPrimitive().isBoolean()) {
            try {
                BigDecimal number = new BigDecimal(value.getAsString().strip());
                return number.longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                // falls through to the error below
            }
        }
        errors.putIfAbsent(name, "must be a whole number");
        return null;
    }

    /** true/false (or 1/0, "true"/"false"); null when absent or invalid. */
    Boolean bool(String name) {
        if (!has(name)) {
            return null;
        }
        JsonElement value = body.get(name);
        if (value.isJsonPrimitive()) {
            JsonPrimitive primitive = value.getAsJsonPrimitive();
            if (primitive.isBoolean()) {
                return primitive.getAsBoolean();
            }
            String text = primitive.getAsString().strip();
            if (text.equals("1") || text.equalsIgnoreCase("true")) {
                return true;
            }
            if (text.equals("0") || text.equalsIgnoreCase("false")) {
                return false;
            }
        }
        errors.putIfAbsent(name, "must be true or false");
        return null;
    }

    /** Type errors found so far, by field name. */
    Map<String, String> errors() {
        return errors;
    }
}
