package io.smppgateway.persistence.batch;

import java.util.List;

/**
 * The few places where MySQL/MariaDB and the embedded H2 (in MySQL mode) need different SQL text.
 * Everything else, schema included, is written once.
 */
public enum SqlDialect {

    /** MySQL 8 and MariaDB 10.11+ through Connector/J. */
    MYSQL,
    /** H2 in MySQL mode, in this process. */
    H2;

    /**
     * A table hint that makes the optimizer read {@code index}. MySQL and MariaDB estimate long
     * {@code IN} lists (more than {@code eq_range_index_dive_limit}, 200 by default) from index
     * statistics; on a young table whose key column is still mostly NULL those say "every row has
     * the same key", and the receipt lookup became a full table scan. {@code FORCE INDEX} keeps it
     * an index read whatever the statistics say. H2 plans these lists on the index by itself (and
     * names the index of a unique constraint its own way), so it gets no hint.
     */
    public String forceIndex(String index) {
        return this == MYSQL ? "FORCE INDEX (" + index + ")" : "";
    }

    /** Sets {@code changed} columns of locked rows by primary key; see {@link UpdateById}. */
    public UpdateById updateById(String table, List<String> required, List<String> changed) {
        return new UpdateById(this, table, required, changed);
    }
}
