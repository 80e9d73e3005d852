package io.smppgateway.runner.config;

import io.smppgateway.http.ListenAddress;
import io.smppgateway.http.TrustedProxies;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The admin panel's port, credentials and transport. A password or token not configured is
 * {@code null} here and generated on first start ({@link GeneratedCredentials}).
 *
 * @param tlsCertificate {@code HTTP_SSL_CERT_PATH}, or {@code null} for plain HTTP
 * @param tlsKey         {@code HTTP_SSL_KEY_PATH}, set exactly when the certificate is
 * @param trustedProxies {@code HTTP_TRUSTED_PROXIES}
 * @param metricsAddress {@code SMPP_METRICS_ADDRESS}: where {@code /metrics} is served without the token,
 *                       or {@code null} for nowhere (the default)
 */
public record HttpAccess(int port, String adminUsername, String adminPassword, String apiToken,
                         Path tlsCertificate, Path tlsKey, TrustedProxies trustedProxies,
                         ListenAddress metricsAddress) {

    public HttpAccess {
        Objects.requireNonNull(trustedProxies, "trustedProxies");
    }

    /** Plain HTTP, no trusted proxy. */
    public HttpAccess(int port, String adminUsername, String adminPassword, String apiToken) {
        this(port, adminUsername, adminPassword, apiToken, null, null, TrustedProxies.NONE, null);
    }

    public HttpAccess withSecrets(String password, String token) {
        return new HttpAccess(port, adminUsername, password, token, tlsCertificate, tlsKey, trustedProxies,
                metricsAddress);
    }

    /** Whether the port serves HTTPS. */
    public boolean isTls() {
        return tlsCertificate != null && tlsKey != null;
    }

    @Override
    public String toString() {
        // never print the secrets
        return "HttpAccess[port=" + port + ", admin=" + adminUsername + (isTls() ? ", https" : "")
                + (trustedProxies.isEmpty() ? "" : ", trusted proxies " + trustedProxies)
                + (metricsAddress == null ? "" : ", metrics without the token on " + metricsAddress) + "]";
    }
}
