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
 * @param privateKey  PEM PKCS#8 private key for TLS, or {@code null}
 * @param systemId    our system_id in bind responses
 * @param bindTimeout how long a connection may stay unbound before we close it
 * @param session     per-session behaviour
 */
public record SmppServerConfig(String host, int port, int tlsPort, Path certificate, Path privateKey, String systemId,
                               Duration bindTimeout, SessionConfig session) {

    public static SmppServerConfig defaults() {
        return new SmppServerConfig("0.0.0.0", 2775, -1, null, null, "smppgw", Duration.ofSeconds(30),
                SessionConfig.defaults());
    }

    public SmppServerConfig withAddress(String host, int port) {
        return new SmppServerConfig(host, port, tlsPort, certificate, privateKey, systemId, bindTimeout, session);
    }

    public SmppServerConfig withTls(int tlsPort, Path certificate, Path privateKey) {
        return new SmppServerConfig(host, port, tlsPort, certificate, privateKey, systemId, bindTimeout, session);
    }

    public SmppServerConfig withSystemId(String systemId) {
        return new SmppServerConfig(host, port, tlsPort, certificate, privateKey, systemId, bindTimeout, session);
    }

    public SmppServerConfig withBindTimeout(Duration bindTimeout) {
        return new SmppServerConfig(host, port, tlsPort, certificate, privateKey, systemId, bindTimeout, session);
    }

    public SmppServerConfig withSession(SessionConfig session) {
        return new SmppServerConfig(host, port, tlsPort, certificate, privateKey, systemId, bindTimeout, session);
    }
}
