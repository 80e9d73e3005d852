package io.smppgateway.persistence.outbound;

import io.smppgateway.persistence.MessageStatus;
import io.smppgateway.persistence.batch.SqlDialect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Reads and locks ({@code FOR UPDATE}) the segments of a batch of marks through the unique
 * {@code (msg_id, part_number)} index, one {@code IN} query per few hundred message ids. Rows are
 * locked in index order whatever the order of the batch, so two writers lock alike.
 */
final class SegmentLocks {

    /** The columns without a default, which a row written by primary key must name. */
    static final List<String> REQUIRED_COLUMNS = List.of("msg_id", "part_number", "total_parts", "reference",
            "smsc_id", "data_coding", "acpt_time");

    private static final int IN_LIST_CHUNK = 500;

    private final String select;

    SegmentLocks(SqlDialect dialect) {
        this.select = "SELECT id, msg_id, part_number, total_parts, reference, smsc_id, data_coding, status, acpt_time"
                + " FROM outbound_segments " + dialect.forceIndex("uq_outbound_msg")
                + " WHERE msg_id IN (<ids>) FOR UPDATE";
    }

    /** The locked rows of these messages (every part), by {@link JdbiOutboundTracking#segmentKey}. */
    Map<String, LockedSegment> lock(Handle handle, List<String> msgIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(msgIds));
        Map<String, LockedSegment> rows = new HashMap<>(ids.size() * 2);
        for (int from = 0; from < ids.size(); from += IN_LIST_CHUNK) {
            handle.createQuery(select).bindList("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIST_CHUNK)))
                    .map((rs, ctx) -> new LockedSegment(rs.getLong("id"), rs.getString("msg_id"),
                            rs.getInt("part_number"), rs.getInt("total_parts"), rs.getInt("reference"),
                            rs.getString("smsc_id"), rs.getInt("data_coding"), MessageStatus.of(rs.getString("status")),
                            rs.getLong("acpt_time")))
                    .forEach(row -> rows.put(JdbiOutboundTracking.segmentKey(row.msgId(), row.partNumber()), row));
        }
        return rows;
    }
}
