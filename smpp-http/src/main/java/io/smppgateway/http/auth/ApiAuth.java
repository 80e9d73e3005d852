package io.smppgateway.http.auth;

import io.smppgateway.http.web.JsonResponses;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.Map;
import java.util.Optional;

/**
 * Lets a request through to the API when it carries the API token, or the admin panel's session
 * cookie. The token may come in {@code X-API-Key} (as the manual's examples send it),
 * {@code X-Api-Token} (as its text names it) or {@code Authorization: Bearer} (for Prometheus and
 * probes); it is compared in constant time. A request that authenticates with the session cookie
 * and changes anything must also carry the session's CSRF token in {@code X-CSRF-Token}: another
 * site can make a browser send the cookie, but cannot read the token. Runs on the I/O thread (no
 * blocking work), so refused requests never take a worker.
 */
public final class ApiAuth {

    public static final HttpString X_API_KEY = new HttpString("X-API-Key");
    public static final HttpString X_API_TOKEN = new HttpString("X-Api-Token");
    public static final HttpString X_CSRF_TOKEN = new HttpString("X-CSRF-Token");
    public static final String SESSION_COOKIE = "smpp_admin";

    private final Secret apiToken;
    private final AdminSessions sessions;

    public ApiAuth(Secret apiToken, AdminSessions sessions) {
        this.apiToken = apiToken;
        this.sessions = sessions;
    }

    /** {@code next}, behind the check. */
    public HttpHandler protect(HttpHandler next) {
        return exchange -> {
            if (admits(exchange)) {
                next.handleRequest(exchange);
            }
        };
    }

    private boolean admits(HttpServerExchange exchange) {
        String token = presentedToken(exchange);
        if (token != null) {
            if (apiToken.matches(token)) {
                return true;
            }
            JsonResponses.error(exchange, 401, "wrong API token", Map.of());
            return false;
        }
        Optional<AdminSession> session = session(exchange);
        if (session.isEmpty()) {
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer");
            JsonResponses.error(exchange, 401,
                    "missing API token: send it in the X-API-Key or X-Api-Token header", Map.of());
            return false;
        }
        if (changesState(exchange)) {
            String csrf = exchange.getRequestHeaders().getFirst(X_CSRF_TOKEN);
            if (csrf == null || !new Secret(session.get().csrfToken()).matches(csrf)) {
                JsonResponses.error(exchange, 403, "missing or wrong X-CSRF-Token", Map.of());
                return false;
            }
        }
        return true;
    }

    /** The admin session the request's cookie names, if it is live. */
    public Optional<AdminSession> session(HttpServerExchange exchange) {
        Cookie cookie = exchange.getRequestCookie(SESSION_COOKIE);
        return cookie == null ? Optional.empty() : sessions.find(cookie.getValue());
    }

    private static String presentedToken(HttpServerExchange exchange) {
        String token = exchange.getRequestHeaders().getFirst(X_API_KEY);
        if (token == null) {
            token = exchange.getRequestHeaders().getFirst(X_API_TOKEN);
        }
        if (token == null) {
            String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                token = authorization.substring(7).strip();
            }
        }
        return token;
    }

    static boolean changesState(HttpServerExchange exchange) {
        HttpString method = exchange.getRequestMethod();
        return !(method.equals(Methods.GET) || method.equals(Methods.HEAD) || method.equals(Methods.OPTIONS));
    }
}
