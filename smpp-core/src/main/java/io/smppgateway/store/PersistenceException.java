package io.smppgateway.store;

/**
 * Base of every error this module reports: unchecked, so that callers handle it where it makes
 * sense (usually a future's exceptional completion) rather than declaring it everywhere.
 */
public class PersistenceException extends RuntimeException {

    public PersistenceException(String message) {
        super(message);
    }

    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
