package io.smppgateway.store.inbound;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The ids we issue to ESMEs, so that a DLR_OUT from the application can be turned into a proper
 * delivery receipt later. Asynchronous: {@link #record} is group committed and completes once the
 * row is durable, so submit_sm_resp can be sent after it without losing the id.
 */
public interface InboundTracking {

    /**
     * Stores the issued id; fails with {@link io.smppgateway.store.DuplicateException} when the
     * id was issued before, {@link io.smppgateway.store.OverloadedException} when the queue is full.
     */
    CompletableFuture<Void> record(IssuedMessage message);

    CompletableFuture<Optional<IssuedMessage>> find(String msgId);
}
