package io.smppgateway.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A value was refused before any SQL ran. {@link #fields()} maps each offending field, by the
 * manual's snake_case name, to what is wrong with it, so that the REST API can answer
 * {@code {"error": ..., "fields": {...}}} without guessing.
 */
public final class ValidationException extends PersistenceException {

    private final Map<String, String> fields;

    public ValidationException(String what, Map<String, String> fields) {
        super(describe(what, fields));
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Field name (snake_case, as in the manual's JSON) to a message such as {@code "max 16 characters"}. */
    public Map<String, String> fields() {
        return fields;
    }

    private static String describe(String what, Map<String, String> fields) {
        StringBuilder text = new StringBuilder("invalid ").append(what).append(": ");
        String separator = "";
        for (Map.Entry<String, String> field : fields.entrySet()) {
            text.append(separator).append(field.getKey()).append(' ').append(field.getValue());
            separator = ", ";
        }
        return text.toString();
    }
}
