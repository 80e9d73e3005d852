package io.smppgateway.store;

/** The record an update or delete names does not exist. The REST API answers it with 404. */
public final class NotFoundException extends PersistenceException {

    public NotFoundException(String what, long id) {
        super(what + " " + id + " does not exist");
    }
}
