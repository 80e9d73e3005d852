package io.smppgateway.bridge.flow;

import io.smppgateway.bridge.bus.BusDelivery;
import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.bridge.bus.ReceiptNotices;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.bridge.message.DlrOut;
import io.smppgateway.bridge.message.InvalidMessageException;
import io.smppgateway.store.inbound.InboundTracking;
import io.smppgateway.store.inbound.IssuedMessage;
import io.smppgateway.store.receipt.PendingReceipt;
import io.smppgateway.store.receipt.PendingReceipts;
import io.smppgateway.store.receipt.PendingReceiptsFullException;
import io.smppgateway.smpp.async.FailureCause;
import io.smppgateway.smpp.log.PeerText;
import io.smppgateway.smpp.log.RepeatedLines;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.server.EsmeSessions;
import io.smppgateway.smpp.server.NoReceiverException;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DLR_OUT -> ESME: turns the application's delivery reports into delivery receipts for the ESMEs
 * that submitted the messages.
 *
 * <ul>
 *   <li>Not JSON, not an object, or no usable {@code msg_id}: parked on the dead-letter topic and
 *       finished ({@code dead_letter}).</li>
 *   <li>Any other field error (a {@code status} that is not final, an {@code err_code} over 255...):
 *       logged and finished ({@code invalid}). There is no topic to report it on: DLR_IN is about
 *       the SMSC side, and the application is the sender of DLR_OUT.</li>
 *   <li>A {@code msg_id} we never issued, or issued to another client than {@code client_id}:
 *       logged and finished ({@code unknown_msg_id}, {@code unknown_client}); waiting would not
 *       make it known.</li>
 *   <li>An ESME that did not ask for this receipt (registered_delivery 0, or 2 "on failure only"
 *       for a delivered message): finished without sending ({@code not_requested}).</li>
 *   <li>Otherwise a deliver_sm (see {@link EsmeReceipt}) to one of the client's receiving binds;
 *       finished on its deliver_sm_resp ({@code delivered}, or {@code refused_by_esme} for a
 *       permanent error status). A temporary answer (ESME_RX_T_APPN, ESME_RTHROTTLED,
 *       ESME_RMSGQFUL) or a lost session requeues it ({@code retry}).</li>
 *   <li>No receiving bind, or receipts already waiting for that client: appended, durably and in
 *       order, to its pending receipts, then finished ({@code queued}); every instance sharing the
 *       bus hears of it ({@link ReceiptNotices}), and the {@link PendingReceiptDrainer} of one
 *       holding a receiver bind of the client delivers them, at once or when a receiver binds. A client whose pending
 *       queue is full gets its DLR_OUT requeued ({@code pending_full}).</li>
 * </ul>
 */
public final class ReceiptFlow implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReceiptFlow.class);
    /** A few lines a minute per client about receipts its ESME did not ask for; the rest are counted. */
    private static final RepeatedLines NOT_REQUESTED_LINES = RepeatedLines.perMinute();

    private final MessageBus bus;
    private final InboundTracking inbound;
    private final PendingReceipts pending;
    private final EsmeSessions sessions;
    private final FlowConfig config;
    private final FlowWorkers workers;
    private final FlowStats stats = new FlowStats();
    private final PendingReceiptDrainer drainer;
    private final HeldMessages held;
    private final ReceiptNotices notices;
    private final String instanceId;
    private volatile AutoCloseable listening;

    /**
     * @param instanceId this instance's id among those sharing the store and the bus: it holds the
     *                   drain leases and names its listener of the receipt notices
     */
    public ReceiptFlow(MessageBus bus, InboundTracking inbound, PendingReceipts pending, EsmeSessions sessions,
                       FlowConfig config, String instanceId) {
        this.bus = bus;
        this.inbound = inbound;
        this.pending = pending;
        this.sessions = sessions;
        this.config = config;
        this.workers = new FlowWorkers("receipt-flow", config.workerThreads(), config.workerQueue());
        this.instanceId = instanceId;
        this.notices = bus.receiptNotices();
        this.drainer = new PendingReceiptDrainer(pending, inbound, sessions, config, workers, stats, instanceId);
        this.held = new HeldMessages(Topic.DLR_OUT, config, workers, stats);
    }

    /**
     * Starts the drainer (after loading which clients have receipts waiting), listens to the other
     * instances' receipt notices and consumes DLR_OUT.
     */
    public ReceiptFlow start() {
        drainer.start().join();
        listening = notices.listen(instanceId, drainer::noticed);
        held.consume(bus, this::handle);
        return this;
    }

    public FlowStats stats() {
        return stats;
    }

    /** Delivers a client's waiting receipts now if it has a receiving bind (call it when a client binds). */
    public void onBind(long clientId) {
        drainer.nudge(clientId);
    }

    /** How many clients have receipts waiting for a receiver bind. */
    public int clientsWithPendingReceipts() {
        return drainer.clientsWithBacklog();
    }

    private void handle(BusDelivery delivery) {
        DlrOut dlr;
        try {
            dlr = DlrOut.parse(delivery.body());
        } catch (InvalidMessageException e) {
            if (e.msgId() == null) {
                deadLetter(delivery, e.getMessage());
            } else {
                stats.increment("invalid");
                log.warn("DLR_OUT for msg_id {} dropped: {}", PeerText.of(e.msgId()), PeerText.of(e.getMessage()));
                delivery.finish();
            }
            return;
        }
        inbound.find(dlr.msgId()).whenComplete(held.onWorkers(delivery, () -> { }, (found, failure) -> {
            if (failure != null) {
                retry(delivery, "cannot look up msg_id " + dlr.msgId() + ": " + FailureCause.of(failure));
            } else if (found.isEmpty()) {
                stats.increment("unknown_msg_id");
                log.warn("DLR_OUT for msg_id {} dropped: we never issued that id (or its tracking was purged)",
                        PeerText.of(dlr.msgId()));
                delivery.finish();
            } else if (found.get().clientId() != dlr.clientId()) {
                stats.increment("unknown_client");
                log.warn("DLR_OUT for msg_id {} dropped: it names client_id {}, the id was issued to client {}",
                        PeerText.of(dlr.msgId()), dlr.clientId(), found.get().clientId());
                delivery.finish();
            } else if (!EsmeReceipt.requested(found.get().registeredDelivery(), dlr.status())) {
                stats.increment("not_requested");
                long skipped = NOT_REQUESTED_LINES.take("client " + dlr.clientId());
                if (skipped >= 0) {
                    log.info("DLR_OUT for msg_id {} not sent: client {} submitted it with registered_delivery {},"
                            + " which asks for no receipt when the status is {}{}", PeerText.of(dlr.msgId()),
                            dlr.clientId(), found.get().registeredDelivery(), dlr.status().value(),
                            RepeatedLines.suffix(skipped));
                }
                delivery.finish();
            } else {
                deliverOrQueue(delivery, dlr, found.get());
            }
        }));
    }

    private void deliverOrQueue(BusDelivery delivery, DlrOut dlr, IssuedMessage issued) {
        long doneTime = config.clock().millis();
        if (drainer.hasBacklog(dlr.clientId())) {
            queue(delivery, dlr, doneTime);
            return;
        }
        DeliverSm receipt = EsmeReceipt.of(issued, dlr.status(), dlr.errCode(), doneTime, config.receiptZone());
        Runnable nothingHeld = () -> { };
        var delivered = sessions.deliver(dlr.clientId(), receipt);
        delivered.whenComplete(held.onWorkers(delivery, nothingHeld, (response, failure) -> {
            if (failure != null) {
                if (FailureCause.of(failure) instanceof NoReceiverException) {
                    queue(delivery, dlr, doneTime);
                } else {
                    retry(delivery, "receipt for " + dlr.msgId() + " not delivered: " + FailureCause.of(failure));
                }
            } else if (response.commandStatus() == 0) {
                stats.increment("delivered");
                delivery.finish();
            } else if (isTemporary(response.commandStatus())) {
                retry(delivery, "client " + dlr.clientId() + " answered the receipt for " + dlr.msgId() + " with "
                        + CommandStatus.nameOf(response.commandStatus()));
            } else {
                stats.increment("refused_by_esme");
                log.warn("client {} refused the receipt for {} with {}", dlr.clientId(), dlr.msgId(),
                        CommandStatus.nameOf(response.commandStatus()));
                delivery.finish();
            }
        }));
    }

    private void queue(BusDelivery delivery, DlrOut dlr, long doneTime) {
        drainer.markBacklog(dlr.clientId());
        PendingReceipt receipt = new PendingReceipt(dlr.clientId(), dlr.msgId(),
                PendingReceiptDrainer.storedStatus(dlr.status()), dlr.errCode(), doneTime);
        pending.append(receipt).whenComplete((appended, failure) -> {
            if (failure == null) {
                stats.increment("queued");
                delivery.finish();
                notices.receiptsWaiting(dlr.clientId());
            } else if (FailureCause.of(failure) instanceof PendingReceiptsFullException full) {
                stats.increment("pending_full");
                log.warn("{}; DLR_OUT for {} requeued", full.getMessage(), dlr.msgId());
                delivery.requeue(config.retryDelay().multipliedBy(6));
            } else {
                retry(delivery, "cannot queue the receipt for " + dlr.msgId() + ": " + FailureCause.of(failure));
            }
        });
    }

    /** Answers an ESME may give a receipt when it cannot take it now. */
    static boolean isTemporary(int commandStatus) {
        return commandStatus == CommandStatus.ESME_RX_T_APPN.value()
                || commandStatus == CommandStatus.ESME_RTHROTTLED.value()
                || commandStatus == CommandStatus.ESME_RMSGQFUL.value();
    }

    private void deadLetter(BusDelivery delivery, String reason) {
        stats.increment("dead_letter");
        log.warn("DLR_OUT parked as a dead letter: {}", PeerText.of(reason));
        bus.publishDeadLetter(Topic.DLR_OUT, delivery.body(), reason).whenComplete((done, failure) -> {
            if (failure == null) {
                delivery.finish();
            } else {
                delivery.requeue(config.retryDelay());
            }
        });
    }

    private void retry(BusDelivery delivery, String why) {
        stats.increment("retry");
        log.info("DLR_OUT requeued: {}", why);
        delivery.requeue(held.backoff(delivery));
    }

    @Override
    public void close() {
        AutoCloseable current = listening;
        if (current != null) {
            try {
                current.close();
            } catch (Exception e) {
                log.debug("receipt notices listener not closed cleanly: {}", e.toString());
            }
        }
        held.close();
        drainer.close();
        workers.close();
    }
}
