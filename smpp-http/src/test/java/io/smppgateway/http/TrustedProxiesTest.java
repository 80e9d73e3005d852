package io.smppgateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code HTTP_TRUSTED_PROXIES}: which peers may say, in {@code X-Forwarded-Proto}, that the browser
 * came over HTTPS; over real sockets, the test's own 127.0.0.1 being the proxy or not.
 */
class TrustedProxiesTest {

    @TempDir
    Path folder;

    @Test
    void aTrustedProxySayingHttpsMakesTheCookieSecure() {
        try (TestGateway gateway = behind("127.0.0.1")) {
            HttpResponse<String> login = login(gateway, "https");
            assertEquals(200, login.statusCode());
            assertTrue(cookie(login).toLowerCase().contains("; secure"), cookie(login));
            assertEquals("max-age=31536000", login.headers().firstValue("Strict-Transport-Security").orElse(null));

            HttpResponse<String> plain = login(gateway, "http");
            AdminTlsTest.assertNotSecure(cookie(plain));
            assertTrue(plain.headers().firstValue("Strict-Transport-Security").isEmpty());
            AdminTlsTest.assertNotSecure(cookie(login(gateway, null)));
        }
    }

    @Test
    void theHeaderFromAnyoneElseIsIgnored() {
        try (TestGateway gateway = behind("10.0.0.0/8, ::2")) {
            HttpResponse<String> login = login(gateway, "https");
            assertEquals(200, login.statusCode());
            AdminTlsTest.assertNotSecure(cookie(login));
            assertTrue(login.headers().firstValue("Strict-Transport-Security").isEmpty());
        }
        try (TestGateway gateway = new TestGateway(folder.resolve("none"))) {
            // the default: no proxy is trusted
            AdminTlsTest.assertNotSecure(cookie(login(gateway, "https")));
        }
    }

    @Test
    void behindATrustedProxyFailedLoginsCountPerBrowserNotPerProxy() {
        try (TestGateway gateway = behind("127.0.0.1")) {
            lockOut(gateway, "192.0.2.1");
            assertEquals(429, login(gateway, "192.0.2.1", TestGateway.PASSWORD).statusCode());
            // another browser behind the same proxy still logs in
            assertEquals(200, login(gateway, "192.0.2.2", TestGateway.PASSWORD).statusCode());
            // a client cannot dodge its lock by putting another address in front: the proxy appends the real one
            assertEquals(429, login(gateway, "198.51.100.7, 192.0.2.1", TestGateway.PASSWORD).statusCode());
        }
    }

    @Test
    void fromAnyoneElseXForwardedForChangesNothing() {
        try (TestGateway gateway = behind("10.0.0.0/8")) {
            lockOut(gateway, "192.0.2.1");
            // all of it came from 127.0.0.1, whatever the header said
            assertEquals(429, login(gateway, "192.0.2.2", TestGateway.PASSWORD).statusCode());
        }
    }

    /** Fails logins "from" an address until it is locked out. */
    private static void lockOut(TestGateway gateway, String forwardedFor) {
        for (int attempt = 0; attempt < 20; attempt++) {
            if (login(gateway, forwardedFor, "wrong").statusCode() == 429) {
                return;
            }
        }
        throw new AssertionError(forwardedFor + " was never locked out");
    }

    private static HttpResponse<String> login(TestGateway gateway, String forwardedFor, String password) {
        return Http.send(Http.request(gateway.base + "/auth/login")
                .header("Content-Type", "application/json").header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + TestGateway.ADMIN
                        + "\",\"password\":\"" + password + "\"}")).build());
    }

    @Test
    void addressesAndBlocksMatch() throws Exception {
        TrustedProxies proxies = TrustedProxies.parse(" 192.168.1.5, 10.0.0.0/8,172.16.0.0/12 , fd00::/8, ::1");
        assertTrue(proxies.trusts(InetAddress.getByName("192.168.1.5")));
        assertFalse(proxies.trusts(InetAddress.getByName("192.168.1.6")));
        assertTrue(proxies.trusts(InetAddress.getByName("10.255.0.1")));
        assertTrue(proxies.trusts(InetAddress.getByName("172.31.255.255")));
        assertFalse(proxies.trusts(InetAddress.getByName("172.32.0.0")));
        assertTrue(proxies.trusts(InetAddress.getByName("fd12::1")));
        assertFalse(proxies.trusts(InetAddress.getByName("fe80::1")));
        assertTrue(proxies.trusts(InetAddress.getByName("::1")));
        assertFalse(proxies.trusts(InetAddress.getByName("127.0.0.1")));
        assertFalse(TrustedProxies.NONE.trusts(InetAddress.getByName("127.0.0.1")));
        assertTrue(TrustedProxies.parse("").isEmpty());
        assertTrue(TrustedProxies.parse(null).isEmpty());
        assertTrue(TrustedProxies.parse("0.0.0.0/0").trusts(InetAddress.getByName("8.8.8.8")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.example.com", "10.0.0.0/33", "10.0.0.0/", "256.1.1.1", "10.0.0.1/x", "::1/129",
            "10.0.0", "1.2.3.4 5.6.7.8"})
    void whatIsNotAnAddressOrBlockIsRefused(String entry) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TrustedProxies.parse("127.0.0.1," + entry));
        assertTrue(refused.getMessage().contains(entry.strip()), refused.getMessage());
    }

    private TestGateway behind(String proxies) {
        return new TestGateway(folder.resolve("gateway"),
                HttpConfig.of(TestGateway.TOKEN, TestGateway.ADMIN, TestGateway.PASSWORD).withAddress("127.0.0.1", 0)
                        .withTrustedProxies(TrustedProxies.parse(proxies)));
    }

    private static HttpResponse<String> login(TestGateway gateway, String forwardedProto) {
        HttpRequest.Builder request = Http.request(gateway.base + "/auth/login")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(AdminTlsTest.loginJson()));
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto);
        }
        return Http.send(request.build());
    }

    private static String cookie(HttpResponse<String> response) {
        String cookie = response.headers().firstValue("Set-Cookie").orElse(null);
        assertNull(cookie == null ? "no Set-Cookie in " + response.statusCode() : null);
        return cookie;
    }
}
