package io.smppgateway.smpp.client;

/**
 * One bind of a gateway as the REST API lists it under {@code connections}: a slot that is
 * connecting shows {@code DIAL}, one waiting to reconnect {@code CLOSED}.
 *
 * @param smscId        the gateway it belongs to
 * @param bindType      BIND_TX, BIND_RX or BIND_TRX
 * @param status        DIAL, OPEN, BOUND_TX, BOUND_RX, BOUND_TRX, UNBINDING or CLOSED
 * @param connectionId  the connection's id (a UUID); a new one for every connection attempt
 * @param systemType    the system_type the bind was made with
 * @param localAddr     our end as {@code ip:port}, empty while there is no socket
 * @param remoteAddr    the SMSC's end as {@code ip:port}, empty while there is no socket
 * @param inflightCount submits sent on this bind that await their response
 * @param queueCount    submits handed to this bind that wait for room (throttled ones included)
 * @param connected     unix seconds of the last status change
 * @param lastFailure   while the bind is not up, why its last attempt failed or its session was
 *                      lost; {@code null} when it is up or has not failed yet
 * @param nextAttemptAt while the bind waits to reconnect, the unix milliseconds of its next
 *                      attempt; 0 otherwise (bound, or an attempt under way)
 */
public record GatewayConnection(String smscId, String bindType, String status, String connectionId,
                                String systemType, String localAddr, String remoteAddr, int inflightCount,
                                int queueCount, long connected, BindFailure lastFailure, long nextAttemptAt) {

    /** The last failure, when the bind is down and has failed. */
    public java.util.Optional<BindFailure> failure() {
        return java.util.Optional.ofNullable(lastFailure);
    }
}
