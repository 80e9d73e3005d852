package io.smppgateway.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A private place for one test class's rows: a fresh MariaDB database (dropped afterwards) or a
 * temporary folder for the embedded file. Tests never see each other's rows.
 */
public final class TestLocation implements AutoCloseable {

    private final Engine engine;
    private final String mysqlDatabase;
    private final Path folder;

    private TestLocation(Engine engine, String mysqlDatabase, Path folder) {
        this.engine = engine;
        this.mysqlDatabase = mysqlDatabase;
        this.folder = folder;
    }

    public static TestLocation create(Engine engine) {
        if (engine == Engine.MARIADB) {
            String name = "smpp_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection connection = serverConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
            }
            return new TestLocation(engine, name, null);
        }
        try {
            return new TestLocation(engine, null, Files.createTempDirectory("smpp-persistence-test"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The MariaDB database's name (null for the embedded database). */
    public String mysqlDatabase() {
        return mysqlDatabase;
    }

    public Engine engine() {
        return engine;
    }

    public Database open(StoreOptions options) {
        return open(options, Map.of());
    }

    /** With extra Connector/J properties on MariaDB (the benchmark's experiments); ignored for the embedded database. */
    public Database open(StoreOptions options, Map<String, String> driverProperties) {
        if (engine == Engine.EMBEDDED) {
            return Database.embedded(embeddedPath(), options);
        }
        MysqlConfig config = mysqlConfig();
        return Database.mysql(new MysqlConfig(config.host(), config.port(), config.database(), config.username(),
                config.password(), driverProperties), options);
    }

    /** How a child JVM opens the same database (see {@link CrashingWriter}). */
    public List<String> childArgs() {
        if (engine == Engine.MARIADB) {
            MysqlConfig config = mysqlConfig();
            return List.of("mysql", config.host(), String.valueOf(config.port()), config.database(), config.username(),
                    config.password());
        }
        return List.of("embedded", embeddedPath().toString());
    }

    public static Database openFromArgs(String[] args, StoreOptions options) {
        if (args[0].equals("mysql")) {
            return Database.mysql(MysqlConfig.of(args[1], Integer.parseInt(args[2]), args[3], args[4],
                    args.length > 5 ? args[5] : ""), options);
        }
        return Database.embedded(Path.of(args[1]), options);
    }

    private Path embeddedPath() {
        return folder.resolve("smpp");
    }

    private MysqlConfig mysqlConfig() {
        return MysqlConfig.of(env("SMPP_TEST_MYSQL_HOST"), Integer.parseInt(env("SMPP_TEST_MYSQL_PORT")), mysqlDatabase,
                env("SMPP_TEST_MYSQL_USER"), env("SMPP_TEST_MYSQL_PASSWORD"));
    }

    @Override
    public void close() {
        if (engine == Engine.MARIADB) {
            try (Connection connection = serverConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + mysqlDatabase);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop test database " + mysqlDatabase, e);
            }
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Connection serverConnection() throws SQLException {
        String url = "jdbc:mysql://" + env("SMPP_TEST_MYSQL_HOST") + ":" + env("SMPP_TEST_MYSQL_PORT") + "/"
                + env("SMPP_TEST_MYSQL_DATABASE");
        return DriverManager.getConnection(url, env("SMPP_TEST_MYSQL_USER"), env("SMPP_TEST_MYSQL_PASSWORD"));
    }

    /** A test service variable; its absence fails the test with the variable's name. */
    static String env(String name) {
        String value = System.getenv(name);
        if (value == null) {
            throw new IllegalStateException("environment variable " + name + " is not set: run the tests with"
                    + " scripts/test.sh, or export the SMPP_TEST_MYSQL_* variables (see README.md)");
        }
        return value;
    }
}
