package io.smppgateway.persistence.outbound;

import io.smppgateway.persistence.MessageStatus;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A segment's row as read under a row lock before a sent or final mark: its primary key, its
 * status (what the mark's outcome depends on) and the columns a row must have, which
 * {@link io.smppgateway.persistence.batch.SqlDialect#updateById} names.
 */
record LockedSegment(long id, String msgId, int partNumber, int totalParts, int reference, String smscId,
                     int dataCoding, MessageStatus status, long acptTime) {

    /** Binds the primary key and the required columns, with the row's own values. */
    PreparedBatch bindRequired(PreparedBatch batch) {
        return batch.bind("id", id).bind("msg_id", msgId).bind("part_number", partNumber)
                .bind("total_parts", totalParts).bind("reference", reference).bind("smsc_id", smscId)
                .bind("data_coding", dataCoding).bind("acpt_time", acptTime);
    }
}
