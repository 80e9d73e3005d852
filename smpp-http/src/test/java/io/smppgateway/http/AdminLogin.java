package io.smppgateway.http;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A logged-in admin panel session, as the panel's script uses it: the cookie and the CSRF token. */
final class AdminLogin {

    final String base;
    final HttpResponse<String> response;
    final String cookie;
    final String csrf;

    private AdminLogin(String base, HttpResponse<String> response) {
        this.base = base;
        this.response = response;
        String setCookie = response.headers().firstValue("Set-Cookie").orElse("");
        this.cookie = setCookie.isEmpty() ? "" : setCookie.substring(0, setCookie.indexOf(';'));
        this.csrf = response.statusCode() == 200 ? Http.object(response).get("csrf_token").getAsString() : "";
    }

    static AdminLogin as(String base, String username, String password) {
        String body = "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}";
        return new AdminLogin(base, Http.send(Http.request(base + "/auth/login")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()));
    }

    HttpRequest.Builder request(String path) {
        return Http.request(base + path).header("Cookie", cookie);
    }

    HttpResponse<String> get(String path) {
        return Http.send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, String json) {
        return Http.send(request(path).header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }
}
