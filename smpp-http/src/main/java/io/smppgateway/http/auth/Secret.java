package io.smppgateway.http.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A configured secret (the API token, the admin login or password) compared with what a request
 * presents in constant time: both are hashed first, so neither the content nor the length of the
 * secret shows in how long a wrong guess takes.
 */
public final class Secret {

    private final byte[] digest;

    public Secret(String value) {
        this.digest = sha256(value);
    }

    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
