package io.smppgateway.persistence;

/** The two databases every repository test runs against. */
public enum Engine {
    /** The real MariaDB (or MySQL) of the SMPP_TEST_MYSQL_* variables; scripts/test.sh starts it. */
    MARIADB,
    /** The embedded database, in a temporary folder. */
    EMBEDDED
}
