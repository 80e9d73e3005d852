package io.smppgateway.persistence.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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

    /**
     * A statement, for a JDBC batch, that sets {@code changed} columns of the row whose primary key
     * {@code id} is bound, every parameter named after its column.
     *
     * <p>On MySQL it is an {@code INSERT ... ON DUPLICATE KEY UPDATE} that names the row's
     * required columns too: Connector/J sends a batch of those as one multi-row statement, which
     * MariaDB executes for a third to a fifth of the CPU that as many single-row {@code UPDATE}s
     * cost (each of those is parsed and planned on its own). Call it only for rows that exist and that the transaction has
     * locked, so the insert half never happens; the required columns carry the row's own values,
     * so even then nothing wrong could be written. On H2, in process, where parsing is done once
     * per batch, it is a plain {@code UPDATE ... WHERE id = :id}.
     */
    public String updateById(String table, List<String> required, List<String> changed) {
        if (this == H2) {
            return "UPDATE " + table + " SET " + changed.stream().map(c -> c + " = :" + c)
                    .collect(Collectors.joining(", ")) + " WHERE id = :id";
        }
        List<String> columns = new ArrayList<>();
        columns.add("id");
        columns.addAll(required);
        columns.addAll(changed);
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> ":" + c).collect(Collectors.joining(", "))
                + ") ON DUPLICATE KEY UPDATE " + changed.stream().map(c -> c + " = VALUES(" + c + ")")
                .collect(Collectors.joining(", "));
    }
}
