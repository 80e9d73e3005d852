package io.smppgateway.store;

/**
 * A bounded queue of this module is full: the database is not keeping up with the message rate.
 * Callers answer upstream with back-pressure (ESME_RTHROTTLED to an ESME, REQ to NSQ) instead of
 * waiting, so that no thread blocks and no queue grows without limit.
 */
public final class OverloadedException extends PersistenceException {

    public OverloadedException(String message) {
        super(message);
    }
}
