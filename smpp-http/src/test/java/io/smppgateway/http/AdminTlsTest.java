package io.smppgateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Native HTTPS on the admin port ({@code HTTP_SSL_CERT_PATH}, {@code HTTP_SSL_KEY_PATH}), over real
 * TLS connections with certificates OpenSSL makes in the test's folder.
 */
class AdminTlsTest {

    @TempDir
    Path folder;

    @Test
    void theApiAndThePanelAreServedOverHttpsWithASecureCookie() throws Exception {
        TestCertificates certificates = TestCertificates.make(folder.resolve("tls"), "rsa:2048");
        try (TestGateway gateway = httpsGateway(certificates.certificate(), certificates.pkcs8Key())) {
            HttpClient client = client(certificates.clientContext());
            String base = "https://127.0.0.1:" + gateway.server.port();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base + "/api/health"))
                    .header("X-API-Key", TestGateway.TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            assertEquals("max-age=31536000", health.headers().firstValue("Strict-Transport-Security").orElse(null));

            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(loginJson())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode(), login.body());
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.startsWith(io.smppgateway.http.auth.ApiAuth.SESSION_COOKIE + "="), cookie);
            assertTrue(cookie.toLowerCase().contains("; secure"), cookie);
            assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa:2048 pkcs8", "rsa:2048 traditional", "ec pkcs8", "ec traditional"})
    void everyKeyFormOpenSslWritesIsRead(String form) throws Exception {
        String[] parts = form.split(" ");
        TestCertificates certificates = TestCertificates.make(folder.resolve("tls"), parts[0]);
        Path key = parts[1].equals("pkcs8") ? certificates.pkcs8Key() : certificates.traditionalKey();
        String header = Files.readAllLines(key).get(0);
        assertTrue(parts[1].equals("pkcs8") ? header.equals("-----BEGIN PRIVATE KEY-----")
                : header.matches("-----BEGIN (RSA|EC) PRIVATE KEY-----"), header);
        try (TestGateway gateway = httpsGateway(certificates.certificate(), key)) {
            HttpResponse<String> health = client(certificates.clientContext()).send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + gateway.server.port() + "/api/health"))
                            .header("X-API-Key", TestGateway.TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
        }
    }

    @Test
    void theHttpsPortDoesNotServePlainHttp() throws Exception {
        TestCertificates certificates = TestCertificates.make(folder.resolve("tls"), "ec");
        try (TestGateway gateway = httpsGateway(certificates.certificate(), certificates.pkcs8Key())) {
            String plain = "http://127.0.0.1:" + gateway.server.port() + "/api/health";
            assertThrows(IOException.class, () -> Http.CLIENT.send(Http.withToken(plain).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
    }

    @Test
    void onlyTls12And13WithForwardSecretAeadSuitesAreOffered() throws Exception {
        TestCertificates certificates = TestCertificates.make(folder.resolve("tls"), "rsa:2048");
        try (TestGateway gateway = httpsGateway(certificates.certificate(), certificates.pkcs8Key())) {
            SSLContext client = certificates.clientContext();
            int port = gateway.server.port();
            assertEquals("TLSv1.3", handshake(client, port, List.of("TLSv1.3"), null));
            assertEquals("TLSv1.2", handshake(client, port, List.of("TLSv1.2"),
                    List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")));
            for (String weak : List.of("TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
                    "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256")) {
                assertThrows(IOException.class, () -> handshake(client, port, List.of("TLSv1.2"), List.of(weak)),
                        weak + " is accepted");
            }
        }
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRefusedAtStart() throws Exception {
        TestCertificates one = TestCertificates.make(folder.resolve("one"), "rsa:2048");
        TestCertificates other = TestCertificates.make(folder.resolve("other"), "rsa:2048");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> httpsGateway(one.certificate(), other.pkcs8Key()).close());
        assertTrue(refused.getMessage().contains("is not the private key of the certificate"), refused.getMessage());
    }

    @Test
    void aFileWithoutAKeyIsRefusedSayingWhatIsMissing() throws Exception {
        TestCertificates certificates = TestCertificates.make(folder.resolve("tls"), "ec");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> httpsGateway(certificates.certificate(), certificates.certificate()).close());
        assertTrue(refused.getMessage().contains("not a private key"), refused.getMessage());
    }

    private TestGateway httpsGateway(Path certificate, Path key) {
        return new TestGateway(folder.resolve("gateway-" + System.nanoTime()),
                HttpConfig.of(TestGateway.TOKEN, TestGateway.ADMIN, TestGateway.PASSWORD)
                        .withAddress("127.0.0.1", 0).withTls(certificate, key));
    }

    private static HttpClient client(SSLContext context) {
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Handshakes with only these protocols (and suites, when given); returns the protocol agreed. */
    private static String handshake(SSLContext context, int port, List<String> protocols, List<String> suites)
            throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(protocols.toArray(new String[0]));
            if (suites != null) {
                socket.setEnabledCipherSuites(suites.toArray(new String[0]));
            }
            socket.startHandshake();
            return socket.getSession().getProtocol();
        }
    }

    static String loginJson() {
        return "{\"username\":\"" + TestGateway.ADMIN + "\",\"password\":\"" + TestGateway.PASSWORD + "\"}";
    }

    static void assertNotSecure(String cookie) {
        assertFalse(cookie.toLowerCase().contains("; secure"), cookie);
    }
}
