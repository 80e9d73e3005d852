package io.smppgateway.persistence.outbound;

import io.smppgateway.store.MessageStatus;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A segment's row as read under a row lock before a sent or final mark: its primary key, its
 * status (what the mark's outcome depends on) and the columns a row must have, which
 * {@link io.smppgateway.persistence.batch.UpdateById} names on MySQL.
 */
record LockedSegment(long id, String msgId, int partNumber, int totalParts, int reference, String smscId,
                     int dataCoding, MessageStatus status, long acptTime) {

    /** Binds the row's own values of {@link SegmentLocks#REQUIRED_COLUMNS}, in that order; returns the next index. */
    int bindRequired(PreparedStatement statement, int first) throws SQLException {
        statement.setString(first, msgId);
        statement.setInt(first + 1, partNumber);
        statement.setInt(first + 2, totalParts);
        statement.setInt(first + 3, reference);
        statement.setString(first + 4, smscId);
        statement.setInt(first + 5, dataCoding);
        statement.setLong(first + 6, acptTime);
        return first + 7;
    }
}
