package io.smppgateway.bridge.flow;

import io.smppgateway.smpp.pdu.PduRequest;
import io.smppgateway.smpp.pdu.PduResponse;
import java.util.concurrent.CompletableFuture;

/**
 * What a gateway's session does with a deliver_sm or data_sm from its SMSC: the response goes out
 * when the future completes. May be called on an event loop: it returns at once.
 */
@FunctionalInterface
public interface SmscDeliveryHandler {

    CompletableFuture<? extends PduResponse> onDelivery(String smscId, PduRequest<?> request);
}
