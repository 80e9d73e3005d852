package io.smppgateway.smpp.server;

/** A delivery to an ESME that has no bound receiver or transceiver session right now. */
public final class NoReceiverException extends RuntimeException {

    private final long accountId;

    public NoReceiverException(long accountId) {
        super("account " + accountId + " has no receiver or transceiver bind", null, false, false);
        this.accountId = accountId;
    }

    public long accountId() {
        return accountId;
    }
}
