package io.smppgateway.persistence.config;

import io.smppgateway.store.ConfigVersion;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link ConfigVersion} on the one-row table {@code config_version}. The gateway and client stores
 * call {@link #raise} inside each of their writes' transactions, so the version never moves without
 * the change, nor a change commits without it.
 */
public final class JdbiConfigVersion implements ConfigVersion {

    private final Jdbi jdbi;

    public JdbiConfigVersion(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public long current() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT version FROM config_version WHERE id = 1")
                .mapTo(Long.class).one());
    }

    /** Raises the version within the caller's transaction on {@code handle}. */
    public static void raise(Handle handle) {
        handle.createUpdate("UPDATE config_version SET version = version + 1 WHERE id = 1").execute();
    }

    /** Raises the version within the caller's transaction, after the write that gave {@code result}. */
    public static <T> T raisedWith(Handle handle, T result) {
        raise(handle);
        return result;
    }
}
