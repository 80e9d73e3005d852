package io.smppgateway.persistence.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Sets some columns of rows that the transaction has read and locked, by primary key, for a whole
 * batch at once. Obtain it from {@link SqlDialect#updateById}.
 *
 * <p>On MySQL and MariaDB it is multi-row {@code INSERT ... ON DUPLICATE KEY UPDATE} statements
 * (of the shapes {@link Placeholders#rowChunk} gives), naming the row's required columns with the row's own values: MariaDB
 * runs it for a third to a fifth of the CPU that as many single-row {@code UPDATE}s cost (each of
 * those is parsed and planned on its own). Use it only for rows that exist and that the
 * transaction has locked, so that the insert half never happens; even then nothing wrong could be
 * written. On H2, in process, where a statement is parsed once per batch, it is a JDBC batch of
 * {@code UPDATE ... WHERE id = ?}.
 */
public final class UpdateById {

    /** One row to change: its primary key, the values of the required columns, the new values. */
    public interface Row {
        long id();

        /** Binds the required columns' values in their order from parameter {@code first}; returns the next index. */
        int bindRequired(PreparedStatement statement, int first) throws SQLException;

        /** Binds the new values in the order of the changed columns from {@code first}; returns the next index. */
        int bindChanged(PreparedStatement statement, int first) throws SQLException;
    }

    private final SqlDialect dialect;
    private final int columnsPerRow;
    private final String upsertPrefix;
    private final String upsertSuffix;
    private final String update;

    UpdateById(SqlDialect dialect, String table, List<String> required, List<String> changed) {
        this.dialect = dialect;
        List<String> columns = new ArrayList<>();
        columns.add("id");
        columns.addAll(required);
        columns.addAll(changed);
        this.columnsPerRow = columns.size();
        this.upsertPrefix = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
        this.upsertSuffix = " ON DUPLICATE KEY UPDATE " + changed.stream().map(c -> c + " = VALUES(" + c + ")")
                .collect(Collectors.joining(", "));
        this.update = "UPDATE " + table + " SET " + changed.stream().map(c -> c + " = ?")
                .collect(Collectors.joining(", ")) + " WHERE id = ?";
    }

    public void execute(Connection connection, List<? extends Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (dialect == SqlDialect.H2) {
            try (PreparedStatement statement = connection.prepareStatement(update)) {
                for (Row row : rows) {
                    statement.setLong(row.bindChanged(statement, 1), row.id());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return;
        }
        for (int from = 0, size; from < rows.size(); from += size) {
            size = Placeholders.rowChunk(rows.size() - from);
            List<? extends Row> chunk = rows.subList(from, from + size);
            String sql = upsertPrefix + Placeholders.rows(chunk.size(), columnsPerRow) + upsertSuffix;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int index = 1;
                for (Row row : chunk) {
                    statement.setLong(index, row.id());
                    index = row.bindChanged(statement, row.bindRequired(statement, index + 1));
                }
                statement.executeUpdate();
            }
        }
    }
}
