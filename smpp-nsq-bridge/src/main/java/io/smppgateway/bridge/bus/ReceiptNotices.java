package io.smppgateway.bridge.bus;

import java.util.function.LongConsumer;

/**
 * Hints, sent to every instance that shares the bus, that receipts wait in the shared store for a
 * client: the instance holding one of its receiver binds then delivers them at once, wherever the
 * DLR_OUT was taken, instead of at its next periodic check. A hint is not stored: one that is
 * missed (an instance not listening yet, nsqd restarting) only delays the receipts until that
 * check, it loses nothing.
 */
public interface ReceiptNotices extends AutoCloseable {

    /** Tells every listening instance, this one included, that receipts wait for the client. */
    void receiptsWaiting(long clientId);

    /**
     * Calls {@code listener} with the client id of every hint, on a thread of the notices' own.
     *
     * @param listenerId names the listener among the instances (e.g. the instance id); one name per listener
     * @return a handle that stops listening
     */
    AutoCloseable listen(String listenerId, LongConsumer listener);

    /** Stops sending; listeners stop with their handles. */
    @Override
    void close();
}
