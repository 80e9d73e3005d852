package io.smppgateway.persistence;

import io.smppgateway.store.FieldErrors;
import java.util.Map;

/**
 * Where the MySQL or MariaDB database is: the manual's {@code MYSQL_*} settings, plus extra
 * Connector/J properties for what those do not cover (TLS mode, time-outs).
 *
 * @param password may be empty (the manual makes {@code MYSQL_PASSWORD} optional)
 * @param driverProperties extra Connector/J properties; they override this module's defaults
 */
public record MysqlConfig(String host, int port, String database, String username, String password,
                          Map<String, String> driverProperties) {

    public static final int DEFAULT_PORT = 3306;

    public MysqlConfig {
        FieldErrors errors = new FieldErrors()
                .requiredText("MYSQL_HOST", host, 255)
                .range("MYSQL_PORT", port, 1, 65535)
                .requiredText("MYSQL_DBNAME", database, 64)
                .requiredText("MYSQL_USERNAME", username, 80);
        if (database != null && !database.matches("[A-Za-z0-9_$]+")) {
            errors.add("MYSQL_DBNAME", "only letters, digits, '_' and '$'");
        }
        errors.throwIfAny("MySQL settings");
        password = password == null ? "" : password;
        driverProperties = Map.copyOf(driverProperties == null ? Map.of() : driverProperties);
    }

    public static MysqlConfig of(String host, int port, String database, String username, String password) {
        return new MysqlConfig(host, port, database, username, password, Map.of());
    }

    public String jdbcUrl() {
        return "jdbc:mysql://" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        // never print the password
        return "MysqlConfig[" + username + "@" + host + ":" + port + "/" + database + "]";
    }
}
