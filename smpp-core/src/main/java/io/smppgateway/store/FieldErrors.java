package io.smppgateway.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects per-field validation errors so that a record reports every bad field at once, then
 * throws one {@link ValidationException}. Field names are the manual's snake_case JSON names.
 */
public final class FieldErrors {

    private final Map<String, String> errors = new LinkedHashMap<>();

    /** Records an error for a field; the first error found for a field is the one reported. */
    public FieldErrors add(String field, String message) {
        errors.putIfAbsent(field, message);
        return this;
    }

    /** A required text: present, not blank, at most {@code max} characters. */
    public FieldErrors requiredText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return add(field, "required");
        }
        return optionalText(field, value, max);
    }

    /** An optional text: absent is fine, present at most {@code max} characters. */
    public FieldErrors optionalText(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "max " + max + " characters (got " + value.length() + ")");
        }
        return this;
    }

    public FieldErrors range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            add(field, "must be between " + min + " and " + max + " (got " + value + ")");
        }
        return this;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws the collected errors, naming {@code what} was invalid (e.g. "gateway"); no-op when none. */
    public void throwIfAny(String what) {
        if (!errors.isEmpty()) {
            throw new ValidationException(what, errors);
        }
    }
}
