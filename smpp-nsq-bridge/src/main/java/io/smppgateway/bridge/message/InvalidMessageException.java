package io.smppgateway.bridge.message;

import java.util.Map;

/**
 * A message from the application that cannot be used, with what is wrong per field. When the body
 * is not JSON at all, or has no usable {@code msg_id}, {@link #msgId()} is {@code null}: there is
 * nobody to answer, so the message goes to the dead-letter topic; otherwise the sender gets a
 * {@code rejected} event.
 */
public final class InvalidMessageException extends RuntimeException {

    private final String msgId;
    private final Map<String, String> fieldErrors;

    public InvalidMessageException(String msgId, Map<String, String> fieldErrors) {
        super(describe(fieldErrors), null, false, false);
        this.msgId = msgId;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public String msgId() {
        return msgId;
    }

    /** Field name to what is wrong with it; the key {@code body} for a body that is not a JSON object. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    private static String describe(Map<String, String> errors) {
        StringBuilder text = new StringBuilder("invalid message:");
        errors.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append(' ').append(e.getKey()).append(": ").append(e.getValue()).append(';'));
        return text.toString();
    }
}
