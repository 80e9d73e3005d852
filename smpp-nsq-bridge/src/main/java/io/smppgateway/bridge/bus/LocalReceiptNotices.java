package io.smppgateway.bridge.bus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ReceiptNotices} inside one JVM: every engine sharing the same in-process bus hears every
 * hint, on the bus's handler threads.
 */
final class LocalReceiptNotices implements ReceiptNotices {

    private static final Logger log = LoggerFactory.getLogger(LocalReceiptNotices.class);

    private final Executor handlers;
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();

    LocalReceiptNotices(Executor handlers) {
        this.handlers = handlers;
    }

    @Override
    public void receiptsWaiting(long clientId) {
        for (LongConsumer listener : listeners) {
            try {
                handlers.execute(() -> listener.accept(clientId));
            } catch (RejectedExecutionException closed) {
                log.debug("receipt notice for client {} not passed on: the bus is closed", clientId);
            }
        }
    }

    @Override
    public AutoCloseable listen(String listenerId, LongConsumer listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        listeners.clear();
    }
}
