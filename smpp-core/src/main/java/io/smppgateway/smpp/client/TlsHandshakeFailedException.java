package io.smppgateway.smpp.client;

import io.smppgateway.smpp.log.PeerText;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;

/**
 * The TLS handshake with an SMSC failed; the message says why in the terms an operator fixes it
 * in: an authority we do not trust, a certificate that does not name the host we dialled, one out
 * of its validity dates, or no protocol version or cipher suite in common. The JDK's own words
 * follow, escaped, since parts of them can come from the SMSC.
 */
public final class TlsHandshakeFailedException extends RuntimeException {

    /** The kinds of failure that call for different fixes. */
    public enum Reason {
        UNTRUSTED_AUTHORITY, HOST_NAME_MISMATCH, OUT_OF_VALIDITY, NOTHING_IN_COMMON, OTHER
    }

    private final Reason reason;

    private TlsHandshakeFailedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The failure of a handshake with {@code host:port}, described. */
    static TlsHandshakeFailedException of(String host, int port, Throwable failure) {
        Reason reason = classify(failure);
        String advice = switch (reason) {
            case UNTRUSTED_AUTHORITY -> "the SMSC's certificate is not issued by an authority we trust;"
                    + " put its CA certificate (PEM) in the file SMPP_CLIENT_CA_PATH names";
            case HOST_NAME_MISMATCH -> "the SMSC's certificate does not name the host '" + host + "' we connect to;"
                    + " set the gateway's host to a name the certificate holds, or have the SMSC's certificate list it";
            case OUT_OF_VALIDITY -> "the SMSC's certificate (or its issuer's) is expired or not yet valid;"
                    + " check the SMSC's certificate and this host's clock";
            case NOTHING_IN_COMMON -> "the SMSC offers no TLS version or cipher suite we accept (TLS 1.2 or 1.3)";
            case OTHER -> "the handshake did not complete";
        };
        String detail = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        return new TlsHandshakeFailedException(reason, "TLS handshake with " + host + ":" + port + " failed: "
                + advice + " (" + PeerText.of(detail) + ")", failure);
    }

    private static Reason classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if (cause instanceof CertificateExpiredException || cause instanceof CertificateNotYetValidException) {
                return Reason.OUT_OF_VALIDITY;
            }
            if (cause instanceof CertPathBuilderException || message.contains("unable to find valid certification path")
                    || message.contains("does not chain with any of the trust anchors")) {
                return Reason.UNTRUSTED_AUTHORITY;
            }
            if (message.contains("no subject alternative") || message.contains("no name matching")) {
                return Reason.HOST_NAME_MISMATCH;
            }
            if (message.contains("protocol_version") || message.contains("handshake_failure")
                    || message.contains("no appropriate protocol") || message.contains("no cipher suites in common")) {
                return Reason.NOTHING_IN_COMMON;
            }
        }
        return Reason.OTHER;
    }
}
