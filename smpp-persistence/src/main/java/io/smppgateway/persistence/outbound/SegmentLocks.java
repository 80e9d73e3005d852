package io.smppgateway.persistence.outbound;

import io.smppgateway.persistence.MessageStatus;
import io.smppgateway.persistence.batch.Placeholders;
import io.smppgateway.persistence.batch.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads and locks ({@code FOR UPDATE}) the segments of a batch of marks through the unique
 * {@code (msg_id, part_number)} index, one {@code IN} query per few hundred message ids. Rows are
 * locked in index order whatever the order of the batch, so two writers lock alike.
 */
final class SegmentLocks {

    /** The columns without a default, which a row written by primary key must name. */
    static final List<String> REQUIRED_COLUMNS = List.of("msg_id", "part_number", "total_parts", "reference",
            "smsc_id", "data_coding", "acpt_time");

    private final String select;

    SegmentLocks(SqlDialect dialect) {
        this.select = "SELECT id, msg_id, part_number, total_parts, reference, smsc_id, data_coding, status, acpt_time"
                + " FROM outbound_segments " + dialect.forceIndex("uq_outbound_msg") + " WHERE msg_id IN (";
    }

    /** The locked rows of these messages (every part), by {@link JdbiOutboundTracking#segmentKey}. */
    Map<String, LockedSegment> lock(Connection connection, List<String> msgIds) throws SQLException {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(msgIds));
        Map<String, LockedSegment> rows = new HashMap<>(ids.size() * 2);
        for (int from = 0; from < ids.size(); from += Placeholders.MAX_LIST) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + Placeholders.MAX_LIST));
            int size = Placeholders.listSize(chunk.size());
            try (PreparedStatement statement = connection.prepareStatement(
                    select + Placeholders.list(size) + ") FOR UPDATE")) {
                Placeholders.bindPadded(statement, 1, chunk, size);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        LockedSegment row = new LockedSegment(rs.getLong(1), rs.getString(2), rs.getInt(3),
                                rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getInt(7),
                                MessageStatus.of(rs.getString(8)), rs.getLong(9));
                        rows.put(JdbiOutboundTracking.segmentKey(row.msgId(), row.partNumber()), row);
                    }
                }
            }
        }
        return rows;
    }
}
