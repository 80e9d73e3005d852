package io.smppgateway.persistence;

import io.smppgateway.store.PersistenceException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The embedded database file is open in another process: a second gateway started on the same
 * data folder. The embedded database serves one instance; several instances share MySQL/MariaDB.
 */
public final class EmbeddedDatabaseInUseException extends PersistenceException {

    /** H2's error code for a database file another process holds open. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private final Path file;

    EmbeddedDatabaseInUseException(Path file, Throwable cause) {
        super("the embedded database " + file + " is in use by another gateway (an embedded database serves one"
                + " instance): stop the other gateway, give this one its own SMPP_DATA_PATH, or, to run several"
                + " instances as one gateway, set the MYSQL_* and NSQ_* keys in smpp.conf", cause);
        this.file = file;
    }

    /** The file that is in use. */
    public Path file() {
        return file;
    }

    /** Whether {@code failure} (or a cause of it) says the database file is open in another process. */
    static boolean isInUse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }
}
