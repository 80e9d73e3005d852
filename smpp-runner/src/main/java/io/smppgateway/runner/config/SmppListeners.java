package io.smppgateway.runner.config;

import java.nio.file.Path;

/**
 * Where the SMPP server listens: {@code SMPP_PORT}, and {@code SMPP_SSL_PORT} when both
 * {@code SMPP_SSL_CERT_PATH} and {@code SMPP_SSL_KEY_PATH} are given.
 *
 * @param certificate PEM certificate chain, or {@code null} when TLS is off
 * @param privateKey  PEM key (PKCS#8, PKCS#1 or SEC1), or {@code null} when TLS is off
 */
public record SmppListeners(int port, int tlsPort, Path certificate, Path privateKey) {

    public boolean tls() {
        return certificate != null && privateKey != null;
    }
}
