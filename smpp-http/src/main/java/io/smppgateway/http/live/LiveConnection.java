package io.smppgateway.http.live;

import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.session.SessionState;
import java.util.Objects;

/**
 * One SMPP connection as the REST API lists it under {@code connections} (manual, "Retrieving the
 * list of SMSC/ESME"): to an SMSC ({@code ownerId} is the gateway's id) or from an ESME
 * ({@code ownerId} is the client's id).
 *
 * @param ownerId       the gateway's or the client's numeric id
 * @param bindType      how it is bound (or is binding)
 * @param status        where the session stands: DIAL, OPEN, BOUND_TX ... CLOSED
 * @param connectionId  the session id, as in the PDU log
 * @param localAddr     our end, {@code host:port}
 * @param remoteAddr    the peer's end, {@code host:port}
 * @param inflightCount requests sent and not yet answered
 * @param queueCount    requests waiting for room in the window
 * @param connected     Unix seconds of the last status change
 * @param systemType    the system_type the ESME bound with (empty for SMSC connections)
 * @param lastError     ours, for a bind to an SMSC that is down: why, e.g. "bind refused: ESME_RINVPASWD"
 *                      (empty otherwise, and for the other instances' binds)
 * @param nextAttempt   ours, for a bind to an SMSC waiting to reconnect: unix seconds of its next
 *                      attempt (0 otherwise)
 */
public record LiveConnection(long ownerId, BindType bindType, SessionState status, String connectionId,
                             String localAddr, String remoteAddr, int inflightCount, int queueCount, long connected,
                             String systemType, String lastError, long nextAttempt) {

    public LiveConnection {
        Objects.requireNonNull(bindType, "bindType");
        Objects.requireNonNull(status, "status");
        connectionId = connectionId == null ? "" : connectionId;
        localAddr = localAddr == null ? "" : localAddr;
        remoteAddr = remoteAddr == null ? "" : remoteAddr;
        systemType = systemType == null ? "" : systemType;
        lastError = lastError == null ? "" : lastError;
    }

    /** A connection that is up, or has not failed. */
    public LiveConnection(long ownerId, BindType bindType, SessionState status, String connectionId,
                          String localAddr, String remoteAddr, int inflightCount, int queueCount, long connected,
                          String systemType) {
        this(ownerId, bindType, status, connectionId, localAddr, remoteAddr, inflightCount, queueCount, connected,
                systemType, "", 0);
    }
}
