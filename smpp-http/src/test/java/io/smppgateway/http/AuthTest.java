package io.smppgateway.http;

import static io.smppgateway.http.Http.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who gets in: the API token in either header, the admin panel's session with its CSRF token. */
class AuthTest {

    @TempDir
    static Path folder;
    static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = new TestGateway(folder);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @BeforeEach
    void reset() {
        gateway.reset();
    }

    private HttpResponse<String> getWith(String path, String header, String value) {
        HttpRequest.Builder request = Http.request(gateway.base + path).GET();
        if (header != null) {
            request.header(header, value);
        }
        return Http.send(request.build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/gateways", "/api/clients", "/api/gateways/logs?dateFrom=2024-01-01&dateTo=2024-01-02",
            "/api/clients/logs/download?files[]=2024-01-011.log", "/api/gateways/1", "/api/health", "/api/stats", "/api/traffic",
            "/api/openapi.json", "/metrics"})
    void everyEndpointNeedsTheToken(String path) {
        HttpResponse<String> missing = getWith(path, null, null);
        assertEquals(401, missing.statusCode());
        assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(object(missing).get("error").getAsString().contains("X-API-Key"));
        assertEquals(401, getWith(path, "X-API-Key", "wrong").statusCode());
    }

    @Test
    void changesNeedTheTokenAndChangeNothingWithoutIt() {
        HttpResponse<String> refused = Http.send(Http.request(gateway.base + "/api/clients")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ClientsApiTest.MANUAL_CLIENT)).build());
        assertEquals(401, refused.statusCode());
        HttpResponse<String> deleted = Http.send(Http.request(gateway.base + "/api/clients/1")
                .header("X-Api-Token", "wrong").DELETE().build());
        assertEquals(401, deleted.statusCode());
        assertTrue(gateway.database.clients().list().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-API-Key", "X-Api-Token", "x-api-key", "X-API-TOKEN"})
    void eitherHeaderInAnyCaseCarriesTheToken(String header) {
        assertEquals(200, getWith("/api/gateways", header, TestGateway.TOKEN).statusCode());
    }

    @Test
    void aBearerTokenIsAcceptedForProbesAndScrapers() {
        assertEquals(200, getWith("/metrics", "Authorization", "Bearer " + TestGateway.TOKEN).statusCode());
        assertEquals(401, getWith("/metrics", "Authorization", "Bearer nope").statusCode());
    }

    @Test
    void aTokenThatIsOnlyAPrefixOrLongerIsWrong() {
        assertEquals(401, getWith("/api/gateways", "X-API-Key", TestGateway.TOKEN.substring(0, 5)).statusCode());
        assertEquals(401, getWith("/api/gateways", "X-API-Key", TestGateway.TOKEN + "x").statusCode());
        assertEquals(401, getWith("/api/gateways", "X-API-Key", "").statusCode());
    }

    @Test
    void loginSetsAnHttpOnlySameSiteCookieThatOpensTheApiForReading() {
        AdminLogin login = AdminLogin.as(gateway.base, TestGateway.ADMIN, TestGateway.PASSWORD);
        assertEquals(200, login.response.statusCode(), login.response.body());
        String setCookie = login.response.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("smpp_admin="), setCookie);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertFalse(login.csrf.isEmpty());
        assertEquals(200, login.get("/api/gateways").statusCode());
        HttpResponse<String> session = login.get("/auth/session");
        assertEquals(TestGateway.ADMIN, object(session).get("username").getAsString());
    }

    @Test
    void aSessionChangeNeedsTheCsrfToken() {
        AdminLogin login = AdminLogin.as(gateway.base, TestGateway.ADMIN, TestGateway.PASSWORD);
        HttpResponse<String> withoutToken = Http.send(login.request("/api/clients")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ClientsApiTest.MANUAL_CLIENT)).build());
        assertEquals(403, withoutToken.statusCode());
        HttpResponse<String> wrongToken = Http.send(login.request("/api/clients")
                .header("Content-Type", "application/json").header("X-CSRF-Token", "forged")
                .POST(HttpRequest.BodyPublishers.ofString(ClientsApiTest.MANUAL_CLIENT)).build());
        assertEquals(403, wrongToken.statusCode());
        assertTrue(gateway.database.clients().list().isEmpty());
        assertEquals(201, login.post("/api/clients", ClientsApiTest.MANUAL_CLIENT).statusCode());
    }

    @Test
    void logoutEndsTheSession() {
        AdminLogin login = AdminLogin.as(gateway.base, TestGateway.ADMIN, TestGateway.PASSWORD);
        HttpResponse<String> forged = Http.send(login.request("/auth/logout")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(403, forged.statusCode(), "logout needs the CSRF token too");
        HttpResponse<String> out = login.post("/auth/logout", "");
        assertEquals(200, out.statusCode());
        String cleared = out.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cleared.startsWith("smpp_admin=;") && (cleared.contains("Max-Age=0") || cleared.contains("1970")), cleared);
        assertEquals(401, login.get("/api/gateways").statusCode());
        assertEquals(401, login.get("/auth/session").statusCode());
    }

    @Test
    void wrongPasswordOrUsernameIs401() {
        assertEquals(401, AdminLogin.as(gateway.base, TestGateway.ADMIN, "wrong").response.statusCode());
        assertEquals(401, AdminLogin.as(gateway.base, "root", TestGateway.PASSWORD).response.statusCode());
        assertEquals(401, Http.send(Http.request(gateway.base + "/auth/session").GET().build()).statusCode());
    }

    @Test
    void loginMustBeJson() {
        HttpResponse<String> form = Http.send(Http.request(gateway.base + "/auth/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=s3cret-admin")).build());
        assertEquals(415, form.statusCode());
    }

    @Test
    void repeatedFailedLoginsAreLockedOutEvenWithTheRightPassword() {
        // this test's own server, so the lock-out of 127.0.0.1 does not reach the other tests
        try (TestGateway own = new TestGateway(folder.resolve("throttle"))) {
            for (int attempt = 1; attempt <= 4; attempt++) {
                assertEquals(401, AdminLogin.as(own.base, TestGateway.ADMIN, "guess" + attempt).response.statusCode());
            }
            HttpResponse<String> locked = AdminLogin.as(own.base, TestGateway.ADMIN, TestGateway.PASSWORD).response;
            assertEquals(429, locked.statusCode());
            assertTrue(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow()) >= 1);
            assertTrue(object(locked).get("error").getAsString().contains("try again"));
        }
    }

    @Test
    void theTokenNeedsNoCsrfToken() {
        assertEquals(201, Http.post(gateway.base + "/api/clients", ClientsApiTest.MANUAL_CLIENT).statusCode());
        assertEquals(List.of("clientSaved myclient1 enabled=true"), gateway.live.controlCalls);
    }
}
