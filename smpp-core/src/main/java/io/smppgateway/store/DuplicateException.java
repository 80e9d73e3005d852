package io.smppgateway.store;

/**
 * A unique value is already taken: a gateway's {@code smsc_id}, a client's {@code username}, or
 * an issued message id. The REST API answers it with 409.
 */
public final class DuplicateException extends PersistenceException {

    private final String field;
    private final String value;

    public DuplicateException(String field, String value) {
        super(field + " '" + value + "' already exists");
        this.field = field;
        this.value = value;
    }

    /** The manual's snake_case name of the unique field. */
    public String field() {
        return field;
    }

    public String value() {
        return value;
    }
}
