package io.smppgateway.runner.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.runner.config.GatewaySettings;
import io.smppgateway.runner.config.GeneratedCredentials;
import io.smppgateway.runner.config.SettingsReader;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon with {@code HTTP_SSL_CERT_PATH} and {@code HTTP_SSL_KEY_PATH} set serves its API over
 * HTTPS, with a certificate OpenSSL makes for the test (an RSA key in OpenSSL's PKCS#1 form).
 */
class GatewayDaemonHttpsTest {

    @TempDir
    Path home;

    @Test
    void theSettingsTurnTheAdminPortToHttps() throws Exception {
        Path certificate = home.resolve("admin-cert.pem");
        Path pkcs8 = home.resolve("admin-key-pkcs8.pem");
        Path key = home.resolve("admin-key.pem");
        openssl(List.of("req", "-x509", "-nodes", "-days", "2", "-subj", "/CN=smpp-gateway test",
                "-addext", "subjectAltName=IP:127.0.0.1", "-newkey", "rsa:2048",
                "-keyout", pkcs8.toString(), "-out", certificate.toString()));
        openssl(List.of("pkey", "-in", pkcs8.toString(), "-traditional", "-out", key.toString()));
        int port = freePort();
        Map<String, String> environment = Map.of("SMPP_PORT", String.valueOf(freePort()),
                "HTTP_PORT", String.valueOf(port), "HTTP_SSL_CERT_PATH", certificate.toString(),
                "HTTP_SSL_KEY_PATH", key.toString());
        GatewaySettings settings = new SettingsReader(home, environment, warning -> { }).read(null);
        settings = settings.withHttp(new GeneratedCredentials().complete(settings.dataFolder(), settings.http()).access());
        GatewayDaemon daemon = GatewayDaemon.start(settings);
        try {
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(certificate))
                    .connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + port + "/api/health"))
                    .header("X-API-Key", settings.http().apiToken()).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(health.headers().firstValue("Strict-Transport-Security").isPresent());
        } finally {
            daemon.stop();
        }
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trust.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static void openssl(List<String> arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0,
                String.join(" ", command) + " failed:\n" + output);
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
