package io.smppgateway.bridge.flow;

import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.store.MessageStatus;
import io.smppgateway.store.outbound.OutboundTracking;
import io.smppgateway.store.outbound.TrackedSegment;
import io.smppgateway.smpp.async.FailureCause;
import io.smppgateway.smpp.log.PeerText;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.DataSm;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.EsmClass;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.PduRequest;
import io.smppgateway.smpp.pdu.PduResponse;
import io.smppgateway.smpp.receipt.FinalStatus;
import io.smppgateway.smpp.session.CommandStatusException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMSC receipts -> DLR_IN: matches each delivery receipt (deliver_sm or data_sm with esm_class
 * 0x04) to the segment we sent, publishes the final DLR_IN event with {@code dlr_time}, then
 * stores the final status; the SMSC gets its deliver_sm_resp only after both.
 *
 * <p>Publish, then store: an SMSC sends a receipt again until it is acknowledged, so whatever
 * stops this between the two (a failed store, a killed process) leaves a segment that is not final
 * yet, and the receipt sent again publishes its event again: at least once, never lost. Stored
 * first, the same stop would lose the event, the resent receipt finding the segment final already.
 *
 * <ul>
 *   <li>The id and state come from the TLVs, then the text ({@link SmscReceipt}); the segment is
 *       found by {@link OutboundTracking#findByGatewayId}, which matches hex against decimal, case
 *       and leading zeros, and waits briefly for a receipt that overtook our submit_sm_resp
 *       bookkeeping.</li>
 *   <li>An intermediate state (ENROUTE, ACCEPTD, BUFFRED...) is logged and answered OK
 *       ({@code intermediate}); the final receipt follows.</li>
 *   <li>No id at all, or an id we never sent through this SMSC: logged, counted ({@code no_id},
 *       {@code unknown_id}) and answered OK: the SMSC resending it would not make it known.</li>
 *   <li>A segment already final (a repeated receipt, or one after {@code expired}): answered OK
 *       without a second event ({@code repeated}).</li>
 *   <li>A store or bus failure, or this flow's queue being full: ESME_RX_T_APPN, so that the SMSC
 *       sends the receipt again ({@code temporary_failure}). When the publish went out and the store
 *       failed, the event is published again with the resent receipt.</li>
 *   <li>A deliver_sm or data_sm that is not a receipt (an MO message from the SMSC) is logged and
 *       answered OK ({@code mo_ignored}): the manual gives MO messages from an SMSC no topic.</li>
 * </ul>
 *
 * <p>The one case two final statuses could both be published: the expiry scan storing
 * {@code expired} between this flow reading the segment and storing the receipt's status, i.e. a
 * receipt arriving in the same milliseconds as the 24 h expiry of its segment.
 */
public final class CorrelationFlow implements SmscDeliveryHandler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CorrelationFlow.class);

    private final OutboundTracking tracking;
    private final FlowConfig config;
    private final FlowWorkers workers;
    private final FlowStats stats = new FlowStats();
    /** Segments whose receipt this instance is publishing and storing now, by "part:msg_id". */
    private final Set<String> settling = ConcurrentHashMap.newKeySet();
    private final DlrInPublisher dlrIn;

    public CorrelationFlow(MessageBus bus, OutboundTracking tracking, FlowConfig config) {
        this(bus, tracking, config, DlrInListener.NONE);
    }

    /** @param dlrInListener hears of every DLR_IN event this flow published */
    public CorrelationFlow(MessageBus bus, OutboundTracking tracking, FlowConfig config, DlrInListener dlrInListener) {
        this.dlrIn = new DlrInPublisher(bus, dlrInListener);
        this.tracking = tracking;
        this.config = config;
        this.workers = new FlowWorkers("correlation-flow", config.workerThreads(), config.workerQueue());
    }

    /** Takes the deliveries of every gateway from now on. */
    public CorrelationFlow start(SmscGateways gateways) {
        gateways.onDelivery(this);
        return this;
    }

    public FlowStats stats() {
        return stats;
    }

    @Override
    public CompletableFuture<? extends PduResponse> onDelivery(String smscId, PduRequest<?> request) {
        if (request instanceof DeliverSm deliver) {
            return handOver(smscId, deliver.esmClass(), deliver.shortMessage(), deliver.dataCoding(), deliver.tlvs(),
                    deliver::response);
        }
        if (request instanceof DataSm data) {
            return handOver(smscId, data.esmClass(), Octets.EMPTY, data.dataCoding(), data.tlvs(), data::response);
        }
        return CompletableFuture.failedFuture(new CommandStatusException(CommandStatus.ESME_RINVCMDID,
                request.commandId() + " is not handled from an SMSC"));
    }

    private <R extends PduResponse> CompletableFuture<R> handOver(String smscId, int esmClass, Octets shortMessage,
                                                                 int dataCoding, io.smppgateway.smpp.pdu.Tlvs tlvs,
                                                                 Function<String, R> ok) {
        CompletableFuture<R> answer = new CompletableFuture<>();
        try {
            workers.execute(() -> {
                CompletableFuture<Void> done;
                try {
                    done = correlate(smscId, esmClass, shortMessage, dataCoding, tlvs);
                } catch (RuntimeException e) {
                    done = CompletableFuture.failedFuture(e);
                }
                done.whenComplete((ignored, failure) -> {
                    if (failure == null) {
                        answer.complete(ok.apply(""));
                    } else {
                        stats.increment("temporary_failure");
                        log.warn("receipt from {} not processed now (answering ESME_RX_T_APPN so that it comes again): {}",
                                smscId, FailureCause.of(failure).toString());
                        answer.completeExceptionally(new CommandStatusException(CommandStatus.ESME_RX_T_APPN,
                                "receipt not processed now"));
                    }
                });
            });
        } catch (RejectedExecutionException full) {
            stats.increment("temporary_failure");
            answer.completeExceptionally(new CommandStatusException(CommandStatus.ESME_RX_T_APPN,
                    "the correlation flow's queue is full"));
        }
        return answer;
    }

    private CompletableFuture<Void> correlate(String smscId, int esmClass, Octets shortMessage, int dataCoding,
                                              io.smppgateway.smpp.pdu.Tlvs tlvs) {
        if (!EsmClass.isDeliveryReceipt(esmClass)) {
            stats.increment("mo_ignored");
            log.info("{} sent a message that is not a receipt (esm_class 0x{}): MO messages from an SMSC are not"
                    + " forwarded", smscId, Integer.toHexString(esmClass));
            return CompletableFuture.completedFuture(null);
        }
        Optional<SmscReceipt> read = SmscReceipt.read(shortMessage, dataCoding, EsmClass.hasUdh(esmClass), tlvs);
        if (read.isEmpty()) {
            stats.increment("no_id");
            log.warn("{} sent a receipt with no message id: ignored", smscId);
            return CompletableFuture.completedFuture(null);
        }
        SmscReceipt receipt = read.get();
        Optional<FinalStatus> status = receipt.finalStatus();
        if (status.isEmpty()) {
            stats.increment("intermediate");
            log.debug("{}: receipt for {} in state {}: waiting for the final one", smscId, receipt.gatewayMsgId(),
                    receipt.state().map(Enum::name).orElse(receipt.statWord()));
            return CompletableFuture.completedFuture(null);
        }
        long dlrTime = config.clock().millis();
        return tracking.findByGatewayId(smscId, receipt.gatewayMsgId()).thenCompose(found -> {
            if (found.isEmpty()) {
                stats.increment("unknown_id");
                log.warn("{} sent a receipt for message id {}, which matches nothing we sent through it", smscId,
                        PeerText.of(receipt.gatewayMsgId()));
                return CompletableFuture.completedFuture(null);
            }
            return settle(found.get(), MessageStatus.of(status.get().value()), receipt.errCode(), dlrTime);
        });
    }

    private CompletableFuture<Void> settle(TrackedSegment segment, MessageStatus status, int errCode, long dlrTime) {
        if (segment.status().isFinal()) {
            stats.increment("repeated");
            log.info("receipt for {} part {}: it already has the final status {}", segment.msgId(),
                    segment.partNumber(), segment.status().wireName());
            return CompletableFuture.completedFuture(null);
        }
        String key = segment.partNumber() + ":" + segment.msgId();
        if (!settling.add(key)) {
            // The same receipt twice at once: the SMSC gets it again later, when the segment is final.
            return CompletableFuture.failedFuture(new IllegalStateException("a receipt for " + segment.msgId()
                    + " part " + segment.partNumber() + " is being handled now"));
        }
        return dlrIn.publish(DlrInEvents.of(segment.withFinal(status, errCode, dlrTime)))
                .thenCompose(published -> {
                    stats.increment("final_published");
                    return tracking.markFinal(segment.msgId(), segment.partNumber(), status, errCode, dlrTime);
                }).thenAccept(marked -> {
                    if (!marked) {
                        log.warn("{} part {} got a final status from elsewhere (expiry) while its receipt's {} was"
                                + " being published", segment.msgId(), segment.partNumber(), status.wireName());
                    }
                }).whenComplete((done, failure) -> settling.remove(key));
    }

    @Override
    public void close() {
        workers.close();
    }
}
