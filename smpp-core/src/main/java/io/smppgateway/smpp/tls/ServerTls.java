package io.smppgateway.smpp.tls;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * What the SMPP server's TLS port offers ESMEs, and why (docs/security.md, "TLS"):
 *
 * <ul>
 *   <li>TLS 1.3 and 1.2 only: 1.0 and 1.1 are deprecated (RFC 8996).</li>
 *   <li>Forward-secret AEAD suites only: ECDHE key exchange, so that a key stolen later cannot
 *       decrypt recorded sessions; AES-GCM or ChaCha20-Poly1305, so no CBC padding oracles (Lucky 13)
 *       and no SHA-1 MACs. Static-RSA key exchange and the CBC-SHA suites the JDK still offers are left out.</li>
 *   <li>No client-initiated renegotiation: it lets one client make the server redo the costly
 *       handshake at will on one connection. TLS 1.3 has none; for 1.2 the JDK provider refuses it
 *       when {@code jdk.tls.rejectClientInitiatedRenegotiation} is {@code true} as its server code
 *       first loads, which loading this class sees to (unless the JVM was started with the property set).</li>
 * </ul>
 */
public final class ServerTls {

    static final String REJECT_RENEGOTIATION = "jdk.tls.rejectClientInitiatedRenegotiation";

    /** The protocol versions offered, newest first. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** The cipher suites offered, in the server's order of preference (IANA names, as the JDK spells them). */
    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384",
            "TLS_AES_128_GCM_SHA256",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    static {
        if (System.getProperty(REJECT_RENEGOTIATION) == null) {
            System.setProperty(REJECT_RENEGOTIATION, "true");
        }
    }

    private ServerTls() {
    }

    /**
     * Sees to it that client-initiated renegotiation is refused by every TLS server of this JVM that
     * uses the JDK's provider (the admin port's too); loading this class does it, unless the JVM was
     * started with the property set.
     */
    public static void rejectClientRenegotiation() {
        // the static initialiser has run by now
    }

    /** A server context showing {@code identity}, with the versions and suites above. */
    public static SslContext context(TlsIdentity identity) {
        try {
            return SslContextBuilder.forServer(identity.key(), identity.chainArray())
                    .sslProvider(SslProvider.JDK)
                    .protocols(PROTOCOLS)
                    .ciphers(CIPHER_SUITES, SupportedCipherSuiteFilter.INSTANCE)
                    .build();
        } catch (SSLException e) {
            throw new IllegalArgumentException("cannot set up TLS with the certificate "
                    + identity.chain().get(0).getSubjectX500Principal().getName() + ": " + e.getMessage(), e);
        }
    }
}
