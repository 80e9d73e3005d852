package io.smppgateway.runner.config;

import io.smppgateway.persistence.MysqlConfig;
import java.nio.file.Path;

/** Which database the gateway keeps its state in: MySQL/MariaDB when {@code MYSQL_*} is configured, else embedded. */
public sealed interface DatabaseChoice {

    /** The embedded database in the file {@code <path>.mv.db}. */
    record Embedded(Path path) implements DatabaseChoice {
    }

    record Mysql(MysqlConfig config) implements DatabaseChoice {
    }
}
