package io.smppgateway.persistence.outbound;

import io.smppgateway.store.MessageStatus;
import io.smppgateway.persistence.batch.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
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

    private final SegmentsByMsgId rows;

    SegmentLocks(SqlDialect dialect) {
        this.rows = new SegmentsByMsgId("SELECT id, msg_id, part_number, total_parts, reference, smsc_id, data_coding,"
                + " status, acpt_time FROM outbound_segments " + dialect.forceIndex("uq_outbound_msg")
                + " WHERE msg_id IN (", ") FOR UPDATE");
    }

    /** The locked rows of these messages (every part), by {@link JdbiOutboundTracking#segmentKey}. */
    Map<String, LockedSegment> lock(Connection connection, List<String> msgIds) throws SQLException {
        Map<String, LockedSegment> locked = new HashMap<>(msgIds.size() * 2);
        rows.read(connection, msgIds, rs -> {
            LockedSegment row = new LockedSegment(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                    rs.getInt(5), rs.getString(6), rs.getInt(7), MessageStatus.of(rs.getString(8)), rs.getLong(9));
            locked.put(JdbiOutboundTracking.segmentKey(row.msgId(), row.partNumber()), row);
        });
        return locked;
    }
}
