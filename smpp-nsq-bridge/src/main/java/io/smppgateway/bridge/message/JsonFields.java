package io.smppgateway.bridge.message;

import io.smppgateway.store.JsonSyntax;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the fields of one JSON message, type by type, collecting every error by field name rather
 * than stopping at the first, so that the answer says all that is wrong at once.
 *
 * <p>Lenient where the manual's own examples are: a trailing comma before '}' (its Java DLR example
 * sends one), and numbers given as numeric strings (its Go DLR example declares them as strings).
 */
final class JsonFields {

    /** A whole number given as a string, as the manual's Go example sends them. */
    private static final Pattern NUMERIC_STRING = Pattern.compile("-?\\d{1,19}");

    private final JsonObject object;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private JsonFields(JsonObject object) {
        this.object = object;
    }

    /** Parses a body into an object, or fails with an error on the key {@code body}. */
    static JsonFields parse(String body) {
        JsonElement element = parseJson(body);
        if (!element.isJsonObject()) {
            throw new InvalidMessageException(null, Map.of("body", "not a JSON object"));
        }
        return new JsonFields(element.getAsJsonObject());
    }

    /** Any JSON value, trailing commas allowed; {@link InvalidMessageException} without a msg_id when it is not JSON. */
    static JsonElement parseJson(String body) {
        try {
            return JsonParser.parseString(withoutTrailingCommas(body));
        } catch (JsonParseException | StackOverflowError e) {
            throw new InvalidMessageException(null, Map.of("body", JsonSyntax.describe(e)));
        }
    }

    /** Removes commas that stand right before a closing brace or bracket, outside strings. */
    static String withoutTrailingCommas(String json) {
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        boolean escaped = false;
        int pendingComma = -1;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == ',') {
                pendingComma = out.length();
                out.append(c);
                continue;
            }
            if ((c == '}' || c == ']') && pendingComma >= 0) {
                out.deleteCharAt(pendingComma);
            }
            if (!Character.isWhitespace(c)) {
                pendingComma = -1;
            }
            if (c == '"') {
                inString = true;
            }
            out.append(c);
        }
        return out.toString();
    }

    Map<String, String> errors() {
        return errors;
    }

    boolean has(String name) {
        JsonElement value = object.get(name);
        return value != null && !value.isJsonNull();
    }

    /** A string of at most {@code max} characters; absent or empty is an error when required. */
    String string(String name, int max, boolean required) {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            if (required) {
                errors.put(name, "required");
            }
            return null;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            errors.put(name, "must be a string");
            return null;
        }
        String text = value.getAsString();
        if (required && text.isEmpty()) {
            errors.put(name, "required");
            return null;
        }
        if (text.length() > max) {
            errors.put(name, "max " + max + " characters");
            return null;
        }
        return text;
    }

    /** A whole number from {@code min} to {@code max}, or {@code null} when absent and optional. */
    Long number(String name, long min, long max, boolean required) {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            if (required) {
                errors.put(name, "required");
            }
            return null;
        }
        BigDecimal number = numberOf(value);
        if (number == null) {
            errors.put(name, "must be a number");
            return null;
        }
        long whole;
        try {
            whole = number.longValueExact();
        } catch (ArithmeticException e) {
            errors.put(name, "must be a whole number");
            return null;
        }
        if (whole < min || whole > max) {
            errors.put(name, min == 0 ? "max " + max : "must be " + min + "-" + max);
            return null;
        }
        return whole;
    }

    private static BigDecimal numberOf(JsonElement value) {
        if (!value.isJsonPrimitive()) {
            return null;
        }
        JsonPrimitive primitive = value.getAsJsonPrimitive();
        try {
            if (primitive.isNumber()) {
                return new BigDecimal(primitive.getAsString());
            }
            if (primitive.isString() && NUMERIC_STRING.matcher(primitive.getAsString().trim()).matches()) {
                return new BigDecimal(primitive.getAsString().trim());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }
}
