package io.smppgateway.persistence.batch;

import java.sql.SQLException;

/** Reads what kind of failure a JDBC exception chain carries, the same way on MySQL, MariaDB and H2. */
public final class SqlErrors {

    private SqlErrors() {
    }

    /** A unique or primary key was violated (SQLSTATE class 23 with the vendors' duplicate codes). */
    public static boolean isDuplicateKey(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                // MySQL/MariaDB ER_DUP_ENTRY 1062; H2 DUPLICATE_KEY_1 23505
                if (sql.getErrorCode() == 1062 || "23505".equals(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A deadlock or lock wait time-out: running the same transaction again may succeed. */
    public static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 1213 deadlock, 1205 lock wait timeout; 40001 serialization failure; H2 HYT00 lock timeout
                if (sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205
                        || "40001".equals(state) || "HYT00".equals(state)) {
                    return true;
                }
            }
        }
        return false;
    }
}
