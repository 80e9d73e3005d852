package io.smppgateway.runner.config;

/**
 * The admin panel's port and credentials. A password or token not configured is {@code null}
 * here and generated on first start ({@link GeneratedCredentials}).
 */
public record HttpAccess(int port, String adminUsername, String adminPassword, String apiToken) {

    public HttpAccess withSecrets(String password, String token) {
        return new HttpAccess(port, adminUsername, password, token);
    }

    @Override
    public String toString() {
        // never print the secrets
        return "HttpAccess[port=" + port + ", admin=" + adminUsername + "]";
    }
}
