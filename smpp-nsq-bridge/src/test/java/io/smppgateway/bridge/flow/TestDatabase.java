package io.smppgateway.bridge.flow;

import io.smppgateway.persistence.Database;
import io.smppgateway.persistence.MysqlConfig;
import io.smppgateway.persistence.StoreOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/** A database of its own for one harness: an embedded file in a temp folder, or a fresh MariaDB database dropped afterwards. */
final class TestDatabase implements AutoCloseable {

    enum Kind { EMBEDDED, MARIADB }

    private final Kind kind;
    private final Path folder;
    private final String mysqlDatabase;
    private final Database database;

    TestDatabase(Kind kind) {
        this.kind = kind;
        StoreOptions options = StoreOptions.defaults().withPendingReceiptsPerClient(50)
                .withReceiptLookupWindow(java.time.Duration.ofSeconds(1));
        if (kind == Kind.EMBEDDED) {
            try {
                folder = Files.createTempDirectory("smpp-flows");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            mysqlDatabase = null;
            database = Database.embedded(folder.resolve("smpp"), options);
        } else {
            folder = null;
            mysqlDatabase = "smpp_f_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("CREATE DATABASE " + mysqlDatabase + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            database = Database.mysql(MysqlConfig.of(TestEnv.get("SMPP_TEST_MYSQL_HOST"),
                    Integer.parseInt(TestEnv.get("SMPP_TEST_MYSQL_PORT")), mysqlDatabase,
                    TestEnv.get("SMPP_TEST_MYSQL_USER"), TestEnv.get("SMPP_TEST_MYSQL_PASSWORD")), options);
        }
    }

    Database database() {
        return database;
    }

    /** Another connection pool on the same MariaDB database, as a second instance of the gateway has; close it first. */
    Database anotherInstance() {
        if (kind != Kind.MARIADB) {
            throw new IllegalStateException("only a MariaDB database is shared by instances");
        }
        return Database.mysql(MysqlConfig.of(TestEnv.get("SMPP_TEST_MYSQL_HOST"),
                Integer.parseInt(TestEnv.get("SMPP_TEST_MYSQL_PORT")), mysqlDatabase,
                TestEnv.get("SMPP_TEST_MYSQL_USER"), TestEnv.get("SMPP_TEST_MYSQL_PASSWORD")));
    }

    /** Runs {@code sql} on this MariaDB database over a connection of its own, as an operator's client would. */
    void executeByHand(String sql) {
        if (kind != Kind.MARIADB) {
            throw new IllegalStateException("only the MariaDB database is reached by hand");
        }
        execute(mysqlDatabase, sql);
    }

    private static void execute(String sql) {
        execute(TestEnv.get("SMPP_TEST_MYSQL_DATABASE"), sql);
    }

    private static void execute(String database, String sql) {
        String url = "jdbc:mysql://" + TestEnv.get("SMPP_TEST_MYSQL_HOST") + ":" + TestEnv.get("SMPP_TEST_MYSQL_PORT")
                + "/" + database;
        try (Connection connection = DriverManager.getConnection(url, TestEnv.get("SMPP_TEST_MYSQL_USER"),
                TestEnv.get("SMPP_TEST_MYSQL_PASSWORD")); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        database.close();
        if (kind == Kind.MARIADB) {
            execute("DROP DATABASE IF EXISTS " + mysqlDatabase);
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
