package io.smppgateway.http.live;

import java.util.Map;

/** An SMS_OUT body the gateway would refuse, with what is wrong per field (the manual's field names). */
public final class InvalidSmsOutException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidSmsOutException(String message, Map<String, String> fieldErrors) {
        super(message, null, false, false);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
