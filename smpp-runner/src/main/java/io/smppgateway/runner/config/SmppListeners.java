package io.smppgateway.runner.config;

import io.smppgateway.smpp.server.SmppServerConfig;
import java.nio.file.Path;

/**
 * Where the SMPP server listens: {@code SMPP_PORT}, and {@code SMPP_SSL_PORT} when both
 * {@code SMPP_SSL_CERT_PATH} and {@code SMPP_SSL_KEY_PATH} are given.
 *
 * @param certificate PEM certificate chain, or {@code null} when TLS is off
 * @param privateKey  PEM key (PKCS#8, PKCS#1 or SEC1), or {@code null} when TLS is off
 * @param connections {@code SMPP_MAX_CONNECTIONS} and {@code SMPP_MAX_CONNECTIONS_PER_ADDRESS}
 */
public record SmppListeners(int port, int tlsPort, Path certificate, Path privateKey,
                            SmppServerConfig.Connections connections) {

    /** Listeners with the default connection limits. */
    public SmppListeners(int port, int tlsPort, Path certificate, Path privateKey) {
        this(port, tlsPort, certificate, privateKey, SmppServerConfig.Connections.defaults());
    }

    public boolean tls() {
        return certificate != null && privateKey != null;
    }
}
