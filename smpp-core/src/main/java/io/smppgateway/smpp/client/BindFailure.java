package io.smppgateway.smpp.client;

import io.netty.channel.ConnectTimeoutException;
import io.smppgateway.smpp.async.FailureCause;
import io.smppgateway.smpp.pdu.CommandStatus;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Why a bind of a gateway is not up: its last attempt's failure, or the loss of its session, and
 * when it happened. The dashboard shows it beside each bind that is down.
 *
 * @param kind     what went wrong, for the fix it calls for
 * @param detail   the specifics: the command_status name of a refused bind, the TLS failure's
 *                 message, the socket's message
 * @param failedAt unix milliseconds
 */
public record BindFailure(Kind kind, String detail, long failedAt) {

    /** The kinds of failure an operator tells apart. */
    public enum Kind {
        /** Nothing listens at the SMSC's host and port (or a firewall rejects the connection). */
        CONNECTION_REFUSED,
        /** The connection was not established within the connect timeout. */
        CONNECT_TIMED_OUT,
        /** The SMSC's host name does not resolve. */
        UNKNOWN_HOST,
        /** The TLS handshake failed: the detail says why. */
        TLS_FAILED,
        /** The SMSC answered the bind with an error status (wrong password, ...). */
        BIND_REFUSED,
        /** A bound session closed: the SMSC unbound or dropped the connection, or it stopped answering. */
        SESSION_LOST,
        /** Anything else, e.g. no answer to the bind. */
        OTHER
    }

    public BindFailure {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }

    /** The failure of a connection attempt, classified. */
    public static BindFailure ofAttempt(Throwable failure, long failedAt) {
        Throwable cause = FailureCause.of(failure);
        if (cause instanceof BindRefusedException refused) {
            return new BindFailure(Kind.BIND_REFUSED, CommandStatus.nameOf(refused.commandStatus()), failedAt);
        }
        if (cause instanceof TlsHandshakeFailedException) {
            return new BindFailure(Kind.TLS_FAILED, message(cause), failedAt);
        }
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof ConnectTimeoutException) {
                return new BindFailure(Kind.CONNECT_TIMED_OUT, message(c), failedAt);
            }
            if (c instanceof ConnectException) {
                return new BindFailure(Kind.CONNECTION_REFUSED, message(c), failedAt);
            }
            if (c instanceof UnknownHostException) {
                return new BindFailure(Kind.UNKNOWN_HOST, message(c), failedAt);
            }
        }
        return new BindFailure(Kind.OTHER, message(cause), failedAt);
    }

    /** A bound session that closed. */
    public static BindFailure sessionLost(String detail, long failedAt) {
        return new BindFailure(Kind.SESSION_LOST, detail, failedAt);
    }

    /** A sentence for the operator, e.g. "bind refused: ESME_RINVPASWD" or "connection refused". */
    public String describe() {
        String what = switch (kind) {
            case CONNECTION_REFUSED -> "connection refused";
            case CONNECT_TIMED_OUT -> "connection timed out";
            case UNKNOWN_HOST -> "unknown host";
            case TLS_FAILED -> "TLS handshake failed";
            case BIND_REFUSED -> "bind refused";
            case SESSION_LOST -> "session lost";
            case OTHER -> "failed";
        };
        return detail.isEmpty() ? what : what + ": " + detail;
    }

    private static String message(Throwable cause) {
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
