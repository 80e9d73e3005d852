package io.smppgateway.persistence.batch;

import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Executes every queued work of one kind in a batch with as few statements as it can (a JDBC
 * batch, an {@code IN} list). Kinds run in {@link #phase()} order inside the batch's transaction,
 * so that the steps of a message's life that land in the same batch see each other: inserts
 * before updates before lookups before final updates.
 *
 * @param <W> the work this kind executes
 */
public interface WorkKind<W extends QueuedWork<?>> {

    int PHASE_INSERT = 10;
    int PHASE_COUNTED_INSERT = 20;
    int PHASE_UPDATE = 30;
    int PHASE_LOOKUP = 40;
    int PHASE_FINAL_UPDATE = 50;

    int phase();

    /**
     * Urgent work is taken before the ordinary work waiting in its lane: what an SMSC waits on while
     * it holds one of its few receipt slots (the receipt lookup and the final mark) should not wait
     * behind a flood of SMS_OUT bookkeeping. Urgent work still never passes ordinary work queued
     * before it with the same routing key, so the steps of one message keep their order. Among
     * urgent works the order they were queued in is kept.
     */
    default boolean urgent() {
        return false;
    }

    /**
     * Runs the works inside the open transaction and sets each one's result. Hot kinds use the
     * handle's JDBC connection directly ({@code handle.getConnection()}), hence the SQLException.
     */
    void apply(Handle handle, List<W> works) throws SQLException;
}
