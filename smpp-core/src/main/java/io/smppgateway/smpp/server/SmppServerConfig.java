package io.smppgateway.smpp.server;

import io.smppgateway.smpp.session.SessionConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the SMPP server listens and treats its sessions.
 *
 * @param host        the address to listen on
 * @param port        the plain TCP port (0 picks a free one; -1 disables plain TCP)
 * @param tlsPort     the TLS port (0 picks a free one; -1 disables TLS)
 * @param certificate PEM certificate chain for TLS, or {@code null}
 * @param privateKey  PEM private key for TLS (PKCS#8, PKCS#1 or SEC1; {@link io.smppgateway.smpp.tls.PrivateKeys}), or {@code null}
 * @param systemId    our system_id in bind responses
 * @param bindTimeout how long a connection may stay unbound before we close it
 * @param session     per-session behaviour
 * @param connections how many connections are held at once, in all and per address
 * @param bindThrottle how failed binds slow later attempts ({@link BindThrottle})
 */
public record SmppServerConfig(String host, int port, int tlsPort, Path certificate, Path privateKey, String systemId,
                               Duration bindTimeout, SessionConfig session, Connections connections,
                               BindThrottle.Policy bindThrottle) {

    /**
     * Connections held at once: beyond either bound a new one is closed as it is accepted. Behind a
     * load balancer that hides the ESMEs' addresses, every connection comes from its address: raise
     * {@code perAddress} to {@code total} there.
     *
     * @param total      connections in all, bound or not
     * @param perAddress connections from one IPv4 address or one IPv6 /64
     */
    public record Connections(int total, int perAddress) {

        public Connections {
            if (total < 1 || perAddress < 1) {
                throw new IllegalArgumentException("connection limits must be positive");
            }
        }

        public static Connections defaults() {
            return new Connections(2_000, 100);
        }
    }

    public SmppServerConfig {
        java.util.Objects.requireNonNull(connections, "connections");
        java.util.Objects.requireNonNull(bindThrottle, "bindThrottle");
    }

    public static SmppServerConfig defaults() {
        return new SmppServerConfig("0.0.0.0", 2775, -1, null, null, "smppgw", Duration.ofSeconds(30),
                SessionConfig.defaults(), Connections.defaults(), BindThrottle.Policy.defaults());
    }

    public SmppServerConfig withAddress(String host, int port) {
        return new SmppServerConfig(host, port, tlsPort, certificate, privateKey, systemId, bindTimeout, session, connections,
                bindThrottle);
    }

    public SmppServerConfig withTls(int tlsPort, Path certificate, Path privateKey) {
        return new SmppServerConfig(host, port, tlsPort, certificate, privateKey, systemId, bindTimeout, session, connections,
                bindThrottle);
    }

    public SmppServerConfig withSystemId(String systemId) {
        return new SmppServerConfig(host, port, tlsPort, certificate, privateKey, systemId, bindTimeout, session, connections,
                bindThrottle);
    }

    public SmppServerConfig withBindTimeout(Duration bindTimeout) {
        return new SmppServerConfig(host, port, tlsPort, certificate, privateKey, systemId, bindTimeout, session, connections,
                bindThrottle);
    }

    public SmppServerConfig withConnections(Connections connections) {
        return new SmppServerConfig(host, port, tlsPort, certificate, privateKey, systemId, bindTimeout, session,
                connections, bindThrottle);
    }

    public SmppServerConfig withBindThrottle(BindThrottle.Policy bindThrottle) {
        return new SmppServerConfig(host, port, tlsPort, certificate, privateKey, systemId, bindTimeout, session,
                connections, bindThrottle);
    }

    public SmppServerConfig withSession(SessionConfig session) {
        return new SmppServerConfig(host, port, tlsPort, certificate, privateKey, systemId, bindTimeout, session, connections,
                bindThrottle);
    }
}
