package io.smppgateway.runner.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code HTTP_SSL_CERT_PATH}, {@code HTTP_SSL_KEY_PATH} and {@code HTTP_TRUSTED_PROXIES}: read, defaulted, refused. */
class HttpTransportSettingsTest {

    @TempDir
    Path home;

    private final List<String> warnings = new ArrayList<>();

    private HttpAccess read(String conf) throws IOException {
        Files.writeString(home.resolve("smpp.conf"), conf);
        return new SettingsReader(home, Map.of(), warnings::add).read(null).http();
    }

    private List<String> problems(String conf) throws IOException {
        Files.writeString(home.resolve("smpp.conf"), conf);
        return assertThrows(InvalidSettingsException.class,
                () -> new SettingsReader(home, Map.of(), warnings::add).read(null)).problems();
    }

    @Test
    void byDefaultPlainHttpAndNoProxyTrusted() throws IOException {
        HttpAccess access = read("");
        assertFalse(access.isTls());
        assertNull(access.tlsCertificate());
        assertTrue(access.trustedProxies().isEmpty());
    }

    @Test
    void bothPemFilesTurnHttpsOn() throws Exception {
        Path[] files = OpensslFiles.selfSignedWithPkcs1Key(home, "admin");
        Files.move(files[0], home.resolve("admin-cert.pem"));
        Files.move(files[1], home.resolve("admin-key.pem"));
        HttpAccess access = read("HTTP_SSL_CERT_PATH=admin-cert.pem\nHTTP_SSL_KEY_PATH=" + home.resolve("admin-key.pem")
                + "\n");
        assertTrue(access.isTls());
        assertEquals(home.resolve("admin-cert.pem"), access.tlsCertificate());
        assertEquals(home.resolve("admin-key.pem"), access.tlsKey());
        assertTrue(access.toString().contains("https"), access.toString());
    }

    @Test
    void oneFileWithoutTheOtherOrAMissingFileIsAProblem() throws IOException {
        Files.writeString(home.resolve("admin-cert.pem"), "certificate");
        assertEquals(List.of("HTTP_SSL_KEY_PATH: required for HTTPS, since HTTP_SSL_CERT_PATH is set"),
                problems("HTTP_SSL_CERT_PATH=admin-cert.pem\n"));
        assertEquals(List.of("HTTP_SSL_KEY_PATH: " + home.resolve("nope.pem") + " does not exist"),
                problems("HTTP_SSL_CERT_PATH=admin-cert.pem\nHTTP_SSL_KEY_PATH=nope.pem\n"));
    }

    @Test
    void aKeyThatCannotServeIsASettingsErrorBeforeAnyPortOpens() throws Exception {
        Path[] files = OpensslFiles.selfSignedWithPkcs1Key(home, "admin");
        Path encrypted = OpensslFiles.encryptedKey(home, "locked");

        List<String> problems = problems("HTTP_SSL_CERT_PATH=" + files[0] + "\nHTTP_SSL_KEY_PATH=" + encrypted + "\n");

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("HTTP_SSL_KEY_PATH: " + encrypted + ": ") && problems.get(0)
                .contains("encrypted"), problems.get(0));
    }

    @Test
    void trustedProxiesAreAddressesAndBlocks() throws Exception {
        HttpAccess access = read("HTTP_TRUSTED_PROXIES=127.0.0.1, 10.0.0.0/8 ,::1\n");
        assertTrue(access.trustedProxies().trusts(InetAddress.getByName("10.1.2.3")));
        assertTrue(access.trustedProxies().trusts(InetAddress.getByName("127.0.0.1")));
        assertFalse(access.trustedProxies().trusts(InetAddress.getByName("192.168.0.1")));

        List<String> refused = problems("HTTP_TRUSTED_PROXIES=127.0.0.1,proxy.example.com\n");
        assertEquals(1, refused.size());
        assertTrue(refused.get(0).startsWith("HTTP_TRUSTED_PROXIES: 'proxy.example.com' is not an IP address"),
                refused.get(0));
    }
}
