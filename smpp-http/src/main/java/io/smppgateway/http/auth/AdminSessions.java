package io.smppgateway.http.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The admin panel's logged-in sessions, in memory (a restart logs everyone out). Held by a hash of
 * the session id, so that a lookup's timing says nothing about valid ids. A session unused for the
 * idle timeout expires. Bounded: at {@link #MAX_SESSIONS} the least recently used one is dropped.
 */
public final class AdminSessions {

    public static final int MAX_SESSIONS = 1000;

    private final SecureRandom random = new SecureRandom();
    private final long idleNanos;
    private final LongSupplier nanoTime;
    private final LinkedHashMap<String, Entry> byIdHash = new LinkedHashMap<>(16, 0.75f, true);

    public AdminSessions(Duration idleTimeout, LongSupplier nanoTime) {
        this.idleNanos = idleTimeout.toNanos();
        this.nanoTime = nanoTime;
    }

    public synchronized AdminSession create(String username) {
        purgeExpired();
        if (byIdHash.size() >= MAX_SESSIONS) {
            Iterator<String> eldest = byIdHash.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        AdminSession session = new AdminSession(randomToken(), randomToken(), username);
        byIdHash.put(hash(session.id()), new Entry(session, nanoTime.getAsLong()));
        return session;
    }

    /** The live session with this id, its idle time restarted; empty when unknown or expired. */
    public synchronized Optional<AdminSession> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        String key = hash(id);
        Entry entry = byIdHash.get(key);
        long now = nanoTime.getAsLong();
        if (entry == null) {
            return Optional.empty();
        }
        if (now - entry.lastUsed >= idleNanos) {
            byIdHash.remove(key);
            return Optional.empty();
        }
        entry.lastUsed = now;
        return Optional.of(entry.session);
    }

    public synchronized void remove(String id) {
        if (id != null) {
            byIdHash.remove(hash(id));
        }
    }

    public synchronized int size() {
        return byIdHash.size();
    }

    private void purgeExpired() {
        long now = nanoTime.getAsLong();
        byIdHash.values().removeIf(entry -> now - entry.lastUsed >= idleNanos);
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String id) {
        return HexFormat.of().formatHex(Secret.sha256(id));
    }

    private static final class Entry {
        final AdminSession session;
        long lastUsed;

        Entry(AdminSession session, long lastUsed) {
            this.session = session;
            this.lastUsed = lastUsed;
        }
    }
}
