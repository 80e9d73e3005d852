package io.smppgateway.http;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How the REST API and admin panel listen and whom they let in.
 *
 * @param host               the address to listen on
 * @param port               the port ({@code HTTP_PORT}); 0 picks a free one
 * @param apiToken           {@code HTTP_API_TOKEN}, expected in {@code X-API-Key} or {@code X-Api-Token}
 * @param adminUsername      {@code HTTP_ADMIN_USERNAME}, the admin panel's login
 * @param adminPassword      {@code HTTP_ADMIN_PASSWORD}
 * @param maxBodyBytes       the largest request body accepted; larger ones get 413
 * @param workerThreads      threads that run store calls and file I/O (never the I/O threads)
 * @param workerQueue        requests that may wait for a worker; beyond that the answer is 503
 * @param sessionIdleTimeout an admin panel session unused this long is logged out
 * @param liveChangeTimeout  how long an answer waits for the runtime to apply a change to live sessions
 * @param zone               the time zone of log file modification times
 * @param limits             how long and how many connections a peer may hold
 * @param tls                the PEM files of native HTTPS ({@code HTTP_SSL_CERT_PATH}, {@code HTTP_SSL_KEY_PATH});
 *                           {@code null} for plain HTTP
 * @param trustedProxies     the proxies whose {@code X-Forwarded-Proto} is believed ({@code HTTP_TRUSTED_PROXIES})
 * @param metricsAddress     where a second, plain HTTP listener serves {@code GET /metrics} without the token
 *                           ({@code SMPP_METRICS_ADDRESS}); {@code null} for none, the main port's {@code /metrics}
 *                           stays behind the token either way
 */
public record HttpConfig(String host, int port, String apiToken, String adminUsername, String adminPassword,
                         int maxBodyBytes, int workerThreads, int workerQueue, Duration sessionIdleTimeout,
                         Duration liveChangeTimeout, ZoneId zone, ConnectionLimits limits, TlsFiles tls,
                         TrustedProxies trustedProxies, ListenAddress metricsAddress) {

    /**
     * The PEM certificate chain and private key native HTTPS serves.
     *
     * @param certificate the certificate chain, the server's own first
     * @param key         its private key: PKCS#8, or PKCS#1 RSA / SEC1 EC as OpenSSL writes them
     */
    public record TlsFiles(Path certificate, Path key) {
        public TlsFiles {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(key, "key");
        }
    }

    public HttpConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
        }
        requireSecret("apiToken (HTTP_API_TOKEN)", apiToken);
        requireSecret("adminUsername (HTTP_ADMIN_USERNAME)", adminUsername);
        requireSecret("adminPassword (HTTP_ADMIN_PASSWORD)", adminPassword);
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024, got " + maxBodyBytes);
        }
        if (workerThreads < 1 || workerQueue < 1) {
            throw new IllegalArgumentException("workerThreads and workerQueue must be positive");
        }
        Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
        Objects.requireNonNull(liveChangeTimeout, "liveChangeTimeout");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
    }

    /**
     * Port 8010 on all addresses, plain HTTP, 64 KiB bodies, 8 workers, {@link ConnectionLimits#defaults()},
     * no trusted proxy; the three secrets must be given.
     */
    public static HttpConfig of(String apiToken, String adminUsername, String adminPassword) {
        return new HttpConfig("0.0.0.0", 8010, apiToken, adminUsername, adminPassword, 64 * 1024, 8, 256,
                Duration.ofMinutes(30), Duration.ofSeconds(10), ZoneId.systemDefault(), ConnectionLimits.defaults(),
                null, TrustedProxies.NONE, null);
    }

    /** Whether the port serves HTTPS (and only HTTPS). */
    public boolean isTls() {
        return tls != null;
    }

    public HttpConfig withLimits(ConnectionLimits newLimits) {
        return new HttpConfig(host, port, apiToken, adminUsername, adminPassword, maxBodyBytes, workerThreads,
                workerQueue, sessionIdleTimeout, liveChangeTimeout, zone, newLimits, tls, trustedProxies,
                metricsAddress);
    }

    /** HTTPS only, with this certificate chain and key. */
    public HttpConfig withTls(Path certificate, Path key) {
        return new HttpConfig(host, port, apiToken, adminUsername, adminPassword, maxBodyBytes, workerThreads,
                workerQueue, sessionIdleTimeout, liveChangeTimeout, zone, limits, new TlsFiles(certificate, key),
                trustedProxies, metricsAddress);
    }

    public HttpConfig withTrustedProxies(TrustedProxies proxies) {
        return new HttpConfig(host, port, apiToken, adminUsername, adminPassword, maxBodyBytes, workerThreads,
                workerQueue, sessionIdleTimeout, liveChangeTimeout, zone, limits, tls, proxies, metricsAddress);
    }

    /** A second listener at {@code address} serving only {@code GET /metrics} without the token; {@code null}: none. */
    public HttpConfig withMetricsAddress(ListenAddress address) {
        return new HttpConfig(host, port, apiToken, adminUsername, adminPassword, maxBodyBytes, workerThreads,
                workerQueue, sessionIdleTimeout, liveChangeTimeout, zone, limits, tls, trustedProxies, address);
    }

    public HttpConfig withAddress(String newHost, int newPort) {
        return new HttpConfig(newHost, newPort, apiToken, adminUsername, adminPassword, maxBodyBytes, workerThreads,
                workerQueue, sessionIdleTimeout, liveChangeTimeout, zone, limits, tls, trustedProxies, metricsAddress);
    }

    public HttpConfig withMaxBodyBytes(int bytes) {
        return new HttpConfig(host, port, apiToken, adminUsername, adminPassword, bytes, workerThreads,
                workerQueue, sessionIdleTimeout, liveChangeTimeout, zone, limits, tls, trustedProxies, metricsAddress);
    }

    public HttpConfig withWorkers(int threads, int queue) {
        return new HttpConfig(host, port, apiToken, adminUsername, adminPassword, maxBodyBytes, threads, queue,
                sessionIdleTimeout, liveChangeTimeout, zone, limits, tls, trustedProxies, metricsAddress);
    }

    public HttpConfig withLiveChangeTimeout(Duration timeout) {
        return new HttpConfig(host, port, apiToken, adminUsername, adminPassword, maxBodyBytes, workerThreads,
                workerQueue, sessionIdleTimeout, timeout, zone, limits, tls, trustedProxies, metricsAddress);
    }

    private static void requireSecret(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }

    @Override
    public String toString() {
        // never print the secrets
        return "HttpConfig[" + (tls != null ? "https://" : "http://") + host + ":" + port + ", admin " + adminUsername
                + ", max body " + maxBodyBytes + " B, " + limits + ", trusted proxies " + trustedProxies
                + (metricsAddress == null ? "" : ", metrics without the token on " + metricsAddress) + "]";
    }
}
