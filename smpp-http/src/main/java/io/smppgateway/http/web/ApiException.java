package io.smppgateway.http.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the API refuses, with the HTTP status and the JSON error body
 * {@code {"error": "...", "fields": {"port": "..."}}} it is answered with.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final Map<String, String> fields;

    public ApiException(int status, String message, Map<String, String> fields) {
        super(message);
        this.status = status;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static ApiException badRequest(String message, Map<String, String> fields) {
        return new ApiException(400, message, fields);
    }

    /** A 400 for one bad field. */
    public static ApiException badField(String field, String problem) {
        return new ApiException(400, "invalid " + field + ": " + problem, Map.of(field, problem));
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message, Map.of());
    }

    public int status() {
        return status;
    }

    /** Field name (as in the request) to what is wrong with it; empty when no one field is to blame. */
    public Map<String, String> fields() {
        return fields;
    }
}
