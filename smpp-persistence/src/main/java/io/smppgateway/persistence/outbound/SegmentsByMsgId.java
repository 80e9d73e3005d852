package io.smppgateway.persistence.outbound;

import io.smppgateway.persistence.batch.Placeholders;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A read of {@code outbound_segments} through the unique {@code (msg_id, part_number)} index for a
 * batch's message ids: one {@code msg_id IN (...)} query per {@value Placeholders#MAX_LIST} ids,
 * each list padded to a power of two so that the statement texts repeat (see {@link Placeholders}).
 */
final class SegmentsByMsgId {

    /** Takes one row of the result. */
    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private final String select;
    private final String suffix;

    /**
     * @param select the statement up to and including {@code msg_id IN (}
     * @param suffix what follows the list: {@code ")"}, or {@code ") FOR UPDATE"}
     */
    SegmentsByMsgId(String select, String suffix) {
        this.select = select;
        this.suffix = suffix;
    }

    /** Reads the rows of these messages (every part; an id given twice is read once). */
    void read(Connection connection, Collection<String> msgIds, RowReader reader) throws SQLException {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(msgIds));
        for (int from = 0; from < ids.size(); from += Placeholders.MAX_LIST) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + Placeholders.MAX_LIST));
            int size = Placeholders.listSize(chunk.size());
            try (PreparedStatement statement = connection.prepareStatement(select + Placeholders.list(size) + suffix)) {
                Placeholders.bindPadded(statement, 1, chunk, size);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        }
    }
}
