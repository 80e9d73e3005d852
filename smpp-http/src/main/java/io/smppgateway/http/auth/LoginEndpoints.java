package io.smppgateway.http.auth;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.smppgateway.http.web.ApiException;
import io.smppgateway.http.web.JsonResponses;
import io.smppgateway.http.web.RequestBodies;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.CookieImpl;
import io.undertow.util.Headers;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The admin panel's {@code POST /auth/login}, {@code POST /auth/logout} and {@code GET /auth/session}.
 * Login takes JSON {@code {"username", "password"}} (JSON only: a cross-site HTML form cannot send
 * it, which keeps login itself safe from CSRF), checks both in constant time, and sets the session
 * cookie (HttpOnly, SameSite=Strict). Failed logins are slowed down by {@link LoginThrottle}.
 */
public final class LoginEndpoints {

    private final Secret username;
    private final Secret password;
    private final String adminName;
    private final AdminSessions sessions;
    private final LoginThrottle throttle;
    private final ApiAuth auth;
    private final int maxBodyBytes;

    public LoginEndpoints(String adminUsername, String adminPassword, AdminSessions sessions, LoginThrottle throttle,
                          ApiAuth auth, int maxBodyBytes) {
        this.username = new Secret(adminUsername);
        this.password = new Secret(adminPassword);
        this.adminName = adminUsername;
        this.sessions = sessions;
        this.throttle = throttle;
        this.auth = auth;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void login(HttpServerExchange exchange) {
        String address = exchange.getSourceAddress().getAddress().getHostAddress();
        Optional<Duration> locked = throttle.lockedFor(address);
        if (locked.isPresent()) {
            tooManyAttempts(exchange, locked.get());
            return;
        }
        if (!RequestBodies.isJson(exchange)) {
            throw new ApiException(415, "send the login as application/json", Map.of());
        }
        JsonObject body = RequestBodies.jsonObject(exchange, maxBodyBytes);
        String givenName = text(body, "username");
        String givenPassword = text(body, "password");
        // both are checked whatever the first gives, so timing does not tell which one was wrong
        boolean nameMatches = username.matches(givenName);
        boolean passwordMatches = password.matches(givenPassword);
        if (!(nameMatches && passwordMatches)) {
            Duration lock = throttle.failed(address);
            if (!lock.isZero()) {
                exchange.getResponseHeaders().put(Headers.RETRY_AFTER, Long.toString(seconds(lock)));
            }
            JsonResponses.error(exchange, 401, "wrong username or password", Map.of());
            return;
        }
        throttle.succeeded(address);
        AdminSession session = sessions.create(adminName);
        exchange.setResponseCookie(cookie(exchange, session.id()));
        JsonResponses.send(exchange, 200, describe(session));
    }

    public void logout(HttpServerExchange exchange) {
        Optional<AdminSession> session = auth.session(exchange);
        if (session.isPresent()) {
            String csrf = exchange.getRequestHeaders().getFirst(ApiAuth.X_CSRF_TOKEN);
            if (csrf == null || !new Secret(session.get().csrfToken()).matches(csrf)) {
                throw new ApiException(403, "missing or wrong X-CSRF-Token", Map.of());
            }
            sessions.remove(session.get().id());
        }
        exchange.setResponseCookie(cookie(exchange, "").setMaxAge(0));
        JsonObject body = new JsonObject();
        body.addProperty("logged_out", true);
        JsonResponses.send(exchange, 200, body);
    }

    public void current(HttpServerExchange exchange) {
        Optional<AdminSession> session = auth.session(exchange);
        if (session.isEmpty()) {
            JsonResponses.error(exchange, 401, "not logged in", Map.of());
            return;
        }
        JsonResponses.send(exchange, 200, describe(session.get()));
    }

    private static JsonObject describe(AdminSession session) {
        JsonObject body = new JsonObject();
        body.addProperty("username", session.username());
        body.addProperty("csrf_token", session.csrfToken());
        return body;
    }

    private static CookieImpl cookie(HttpServerExchange exchange, String value) {
        CookieImpl cookie = new CookieImpl(ApiAuth.SESSION_COOKIE, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSameSiteMode("Strict");
        cookie.setSecure("https".equalsIgnoreCase(exchange.getRequestScheme()));
        return cookie;
    }

    private static void tooManyAttempts(HttpServerExchange exchange, Duration wait) {
        exchange.getResponseHeaders().put(Headers.RETRY_AFTER, Long.toString(seconds(wait)));
        JsonResponses.error(exchange, 429,
                "too many failed logins: try again in " + seconds(wait) + " s", Map.of());
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    private static String text(JsonObject body, String name) {
        JsonElement value = body.get(name);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }
}
