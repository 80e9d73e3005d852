package io.smppgateway.http.auth;

/**
 * A logged-in admin panel user. {@code id} travels only in the HttpOnly cookie; {@code csrfToken}
 * is handed to the panel's script, which sends it back in {@code X-CSRF-Token} with every change.
 */
public record AdminSession(String id, String csrfToken, String username) {
}
