package io.smppgateway.store.cluster;

import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.session.SessionState;
import java.util.Objects;

/**
 * One SMPP connection of an instance at one moment, with the fields the manual lists for it under
 * {@code connections} ("Retrieving the list of SMSC/ESME"). Each instance publishes its own to the
 * database so that the REST API of any instance lists every instance's.
 *
 * @param side          an ESME's bind to us, or ours to an SMSC
 * @param ownerId       the client's id (ESME) or the gateway's id (SMSC)
 * @param bindType      how it is bound (or is binding)
 * @param status        where the session stands: DIAL, OPEN, BOUND_TX ... CLOSED
 * @param connectionId  the session id, as in the PDU log
 * @param localAddr     the instance's end, {@code host:port}
 * @param remoteAddr    the peer's end, {@code host:port}
 * @param inflightCount requests sent and not yet answered
 * @param queueCount    requests waiting on the session for room in the window (for an ESME, not
 *                      counting the client's receipts waiting in the store: those belong to the
 *                      client and are added by whoever lists it)
 * @param connected     unix seconds of the last status change
 * @param systemType    the system_type it bound with (empty when none)
 * @param lastError     for a bind to an SMSC that is down, why (e.g. "bind refused: ESME_RINVPASWD");
 *                      empty otherwise. Published with the rest (cut to 255 characters)
 * @param nextAttempt   for a bind to an SMSC waiting to reconnect, unix seconds of its next attempt;
 *                      0 otherwise
 */
public record ConnectionSnapshot(ConnectionSide side, long ownerId, BindType bindType, SessionState status,
                                 String connectionId, String localAddr, String remoteAddr, int inflightCount,
                                 int queueCount, long connected, String systemType, String lastError,
                                 long nextAttempt) {

    public ConnectionSnapshot {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(bindType, "bindType");
        Objects.requireNonNull(status, "status");
        connectionId = connectionId == null ? "" : connectionId;
        localAddr = localAddr == null ? "" : localAddr;
        remoteAddr = remoteAddr == null ? "" : remoteAddr;
        systemType = systemType == null ? "" : systemType;
        lastError = lastError == null ? "" : lastError;
    }

    public static Builder builder(ConnectionSide side, long ownerId) {
        return new Builder(side, ownerId);
    }

    /** The fields by name: a positional call would mix up the two addresses and the two counts. */
    public static final class Builder {

        private final ConnectionSide side;
        private final long ownerId;
        private BindType bindType;
        private SessionState status;
        private String connectionId;
        private String localAddr;
        private String remoteAddr;
        private int inflightCount;
        private int queueCount;
        private long connected;
        private String systemType;
        private String lastError;
        private long nextAttempt;

        private Builder(ConnectionSide side, long ownerId) {
            this.side = side;
            this.ownerId = ownerId;
        }

        public Builder bindType(BindType bindType) {
            this.bindType = bindType;
            return this;
        }

        public Builder status(SessionState status) {
            this.status = status;
            return this;
        }

        public Builder connectionId(String connectionId) {
            this.connectionId = connectionId;
            return this;
        }

        public Builder localAddr(String localAddr) {
            this.localAddr = localAddr;
            return this;
        }

        public Builder remoteAddr(String remoteAddr) {
            this.remoteAddr = remoteAddr;
            return this;
        }

        public Builder inflightCount(int inflightCount) {
            this.inflightCount = inflightCount;
            return this;
        }

        public Builder queueCount(int queueCount) {
            this.queueCount = queueCount;
            return this;
        }

        public Builder connected(long connected) {
            this.connected = connected;
            return this;
        }

        public Builder systemType(String systemType) {
            this.systemType = systemType;
            return this;
        }

        public Builder lastError(String lastError) {
            this.lastError = lastError;
            return this;
        }

        public Builder nextAttempt(long nextAttempt) {
            this.nextAttempt = nextAttempt;
            return this;
        }

        public ConnectionSnapshot build() {
            return new ConnectionSnapshot(side, ownerId, bindType, status, connectionId, localAddr, remoteAddr,
                    inflightCount, queueCount, connected, systemType, lastError, nextAttempt);
        }
    }
}
