package io.smppgateway.bridge.flow;

import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The upstream side as the flows see it: the SMSCs configured by {@code smsc_id}, a submit through
 * one of a gateway's bound sessions, and the deliver_sm/data_sm its sessions receive. The runner
 * adapts its pool of client sessions to this port; the flows know nothing of binds or reconnects.
 *
 * <p>Every method returns at once and may be called from any thread.
 */
public interface SmscGateways {

    /** The gateway's current settings, or empty when no gateway has this {@code smsc_id}. */
    Optional<SmscSettings> settings(String smscId);

    /**
     * Sends a submit_sm on one of the gateway's sessions that can transmit (the session assigns the
     * sequence number) and completes with the SMSC's answer, whatever its command_status. Fails with
     * {@link SmscUnavailableException} when the gateway has no such session now, or with a
     * {@link io.smppgateway.smpp.session.SessionException} that says whether the SMSC may have
     * received it.
     */
    CompletableFuture<SubmitSmResp> submit(String smscId, SubmitSm submitSm);

    /**
     * Whether SMS_OUT for this gateway is submitted here: true unless instances share the SMSC's
     * binds and this one's share has no transmitting bind ({@link BindShare}); then an instance
     * whose share has one submits it ({@link #onTransmitting}).
     */
    boolean transmitsHere(String smscId);

    /**
     * Who hears, at once and at every change, which enabled gateways this instance transmits for
     * while instances share the binds (one listener; a second call replaces it).
     */
    void onTransmitting(java.util.function.Consumer<java.util.Set<String>> listener);

    /**
     * Where the deliver_sm and data_sm that the gateways' sessions receive go from now on (one
     * handler; a second call replaces it). Before a handler is set they are answered with
     * ESME_RX_T_APPN, so that the SMSC sends them again.
     */
    void onDelivery(SmscDeliveryHandler handler);
}
