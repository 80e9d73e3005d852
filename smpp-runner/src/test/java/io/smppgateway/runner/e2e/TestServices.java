package io.smppgateway.runner.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The services the end-to-end tests run against, as scripts/test.sh hands them over in the
 * {@code SMPP_TEST_*} variables: the test MariaDB (on which each test makes a database of its own)
 * and nsqd. A variable that is not set fails the test with its name, never skips it.
 */
public final class TestServices {

    private TestServices() {
    }

    public static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set: run the tests through"
                    + " scripts/test.sh, or source .scratch/services.env");
        }
        return value;
    }

    public static String mysqlHost() {
        return required("SMPP_TEST_MYSQL_HOST");
    }

    public static String mysqlPort() {
        return required("SMPP_TEST_MYSQL_PORT");
    }

    public static String mysqlUser() {
        return required("SMPP_TEST_MYSQL_USER");
    }

    public static String mysqlPassword() {
        return required("SMPP_TEST_MYSQL_PASSWORD");
    }

    /** The shared nsqd's TCP address as {@code host:port}. */
    public static String nsqdTcp() {
        return required("SMPP_TEST_NSQD_TCP");
    }

    /** The shared nsqd's HTTP address as {@code host:port}. */
    public static String nsqdHttp() {
        return required("SMPP_TEST_NSQD_HTTP");
    }

    /** The nsqd binary, for a private instance. */
    public static String nsqdBinary() {
        return required("SMPP_TEST_NSQD_BIN");
    }

    public static void createDatabase(String name) {
        executeOnServer("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }

    public static void dropDatabase(String name) {
        executeOnServer("DROP DATABASE IF EXISTS " + name);
    }

    /** A connection to {@code database} on the test MariaDB, to look at what the gateway stored. */
    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://" + mysqlHost() + ":" + mysqlPort() + "/" + database,
                mysqlUser(), mysqlPassword());
    }

    private static void executeOnServer(String sql) {
        String url = "jdbc:mysql://" + mysqlHost() + ":" + mysqlPort() + "/";
        try (Connection connection = DriverManager.getConnection(url, mysqlUser(), mysqlPassword());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the test MariaDB: " + e.getMessage(), e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
