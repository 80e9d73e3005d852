package io.smppgateway.bridge.flow;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.bridge.bus.BusDelivery;
import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.bridge.message.DlrIn;
import io.smppgateway.bridge.message.InvalidMessageException;
import io.smppgateway.bridge.message.SmsOut;
import io.smppgateway.bridge.message.SmsOutBatch;
import io.smppgateway.store.MessageStatus;
import io.smppgateway.store.outbound.OutboundTracking;
import io.smppgateway.store.outbound.TrackedSegment;
import io.smppgateway.smpp.async.FailureCause;
import io.smppgateway.smpp.log.PeerText;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.session.GenericNackException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMS_OUT -> SMSC: sends the application's messages through the gateways and reports each step on
 * DLR_IN. A message is finished on the bus only once it is tracked and the SMSC answered, or once
 * it is definitively rejected; until then it is requeued, never dropped.
 *
 * <ol>
 *   <li>A batch (a JSON array of SMS_OUT, the manual's multipart example) is split: its elements go
 *       back on SMS_OUT one message each ({@code batch}), and each is then handled as below.</li>
 *   <li>Parse. Not JSON, not an object, or no usable {@code msg_id}: dead letter, finish
 *       ({@code dead_letter}). Any other field error: DLR_IN {@code rejected} with the
 *       {@link Rejection} code, finish ({@code rejected}).</li>
 *   <li>Unknown or disabled {@code smsc_id}, a text too long for its encoding, a character its
 *       data_coding cannot carry: {@code rejected}.</li>
 *   <li>Instances share the SMSC's binds and this one's share of them cannot transmit
 *       ({@link SmscGateways#transmitsHere}): handed, unchanged, to the instances whose share can
 *       ({@link MessageBus#handOff}: a queue per smsc_id that only they consume), then finished
 *       ({@code handed_off}); it is handled there from the next step on.</li>
 *   <li>{@link OutboundTracking#find}: a segment is tracked (has a row) once the SMSC answered
 *       for it, so a tracked segment (the same {@code msg_id} and {@code part_number}) is not sent
 *       again: its latest DLR_IN event is published again (so an event lost to a failed publish is
 *       never lost for good) and the message finished ({@code duplicate}); but for a final status
 *       from the SMSC's receipt, whose event is the correlation flow's to publish, its {@code sent}
 *       event is the one repeated. A copy of a segment this instance is submitting right now is
 *       finished too ({@code duplicate}). A redelivered segment without a row was never answered
 *       (the session was lost in flight, or the gateway stopped) and is submitted again
 *       ({@code resubmitted} once answered).</li>
 *   <li>submit_sm through {@link SmscGateways}; the bus message is touched while it waits.
 *       <ul>
 *         <li>OK with a message_id: {@code record} the row as {@code sent}, DLR_IN {@code sent}
 *             ({@code sent}).</li>
 *         <li>OK without a message_id: no receipt can ever be matched, so the row is recorded
 *             {@code unknown}.</li>
 *         <li>ESME_RTHROTTLED or ESME_RMSGQFUL (once the session's own retries are spent), no
 *             session, a session lost or a response timeout: requeued with backoff ({@code retry}).</li>
 *         <li>Any other error, or generic_nack: the row is recorded {@code rejected}, DLR_IN
 *             {@code rejected} with {@code err_code} = the command_status ({@code rejected_by_smsc}).</li>
 *       </ul></li>
 * </ol>
 *
 * <p>What can be duplicated: a submit_sm whose session was lost, or whose response timed out, after
 * it was written may have reached the SMSC; the requeued message submits it again, so the handset
 * may get that segment twice. Nothing else is sent twice: a segment the SMSC answered is never
 * submitted again, whatever the bus redelivers. DLR_IN events are at least once: a redelivered or
 * repeated SMS_OUT repeats the segment's latest event (its {@code sent} when the SMSC's receipt gave
 * it its final status).
 */
public final class OutboundFlow implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboundFlow.class);
    private static final int RECORD_ATTEMPTS = 5;

    private final MessageBus bus;
    private final OutboundTracking tracking;
    private final SmscGateways gateways;
    private final FlowConfig config;
    private final FlowWorkers workers;
    private final FlowStats stats = new FlowStats();
    private final DlrInPublisher dlrIn;
    /** Segments this instance is submitting now ("part:msg_id"), so that a redelivery does not submit them twice. */
    private final Set<String> submitting = ConcurrentHashMap.newKeySet();
    private final HeldMessages held;
    private final HandOffConsumers handOffs;

    public OutboundFlow(MessageBus bus, OutboundTracking tracking, SmscGateways gateways, FlowConfig config) {
        this(bus, tracking, gateways, config, DlrInListener.NONE);
    }

    /** @param dlrInListener hears of every DLR_IN event this flow published */
    public OutboundFlow(MessageBus bus, OutboundTracking tracking, SmscGateways gateways, FlowConfig config,
                        DlrInListener dlrInListener) {
        this.bus = bus;
        this.dlrIn = new DlrInPublisher(bus, dlrInListener);
        this.tracking = tracking;
        this.gateways = gateways;
        this.config = config;
        this.workers = new FlowWorkers("outbound-flow", config.workerThreads(), config.workerQueue());
        this.held = new HeldMessages(Topic.SMS_OUT, config, workers, stats);
        this.handOffs = new HandOffConsumers(bus, config.channel(), this::handle);
    }

    /** Consumes SMS_OUT, and the SMS_OUT handed to this instance for the SMSCs it transmits to. */
    public OutboundFlow start() {
        held.consume(bus, this::handle);
        gateways.onTransmitting(handOffs::transmitting);
        return this;
    }

    public FlowStats stats() {
        return stats;
    }

    /** Segments submitted and not yet answered, for metrics. */
    public int submitting() {
        return submitting.size();
    }

    private void handle(BusDelivery delivery) {
        if (SmsOutBatch.isBatch(delivery.body())) {
            split(delivery);
            return;
        }
        long acptTime = config.clock().millis();
        SmsOut sms;
        try {
            sms = SmsOut.parse(delivery.body());
        } catch (InvalidMessageException e) {
            if (e.msgId() == null) {
                deadLetter(delivery, e.getMessage());
            } else {
                rejectUntracked(delivery, partialEvent(delivery.body(), e.msgId(), acptTime),
                        Rejection.forFields(e.fieldErrors(), e.getMessage()));
            }
            return;
        }
        Optional<SmscSettings> gateway = gateways.settings(sms.smscId());
        OutboundSubmit submit;
        try {
            if (gateway.isEmpty()) {
                throw new RejectedException(Rejection.of(CommandStatus.ESME_RSUBMITFAIL,
                        "no gateway has smsc_id '" + sms.smscId() + "'"));
            }
            if (!gateway.get().enabled()) {
                throw new RejectedException(Rejection.of(CommandStatus.ESME_RSUBMITFAIL,
                        "the gateway '" + sms.smscId() + "' is disabled"));
            }
            submit = OutboundSubmit.prepare(sms, gateway.get());
            if (!gateways.transmitsHere(sms.smscId())) {
                handOff(delivery, sms);
                return;
            }
        } catch (RejectedException e) {
            int dataCoding = sms.dataCoding() == null ? 0 : sms.dataCoding();
            rejectUntracked(delivery, TrackedSegment.accepted(sms.msgId(), sms.smscId())
                    .part(partNumber(sms), totalParts(sms), 0).dataCoding(dataCoding).acceptedAt(acptTime).build(),
                    e.rejection());
            return;
        }
        TrackedSegment segment = TrackedSegment.accepted(sms.msgId(), sms.smscId())
                .part(submit.part().partNumber(), submit.part().totalParts(),
                        sms.reference() == null ? 0 : sms.reference())
                .dataCoding(submit.dataCoding()).acceptedAt(acptTime).build();
        String key = key(segment.msgId(), segment.partNumber());
        // Held from before the read until the segment's row is committed: a copy handled meanwhile
        // either finds the key here or, once it is released, the row.
        if (!submitting.add(key)) {
            stats.increment("duplicate");
            log.info("SMS_OUT {} part {} is being submitted now; this copy is finished", segment.msgId(),
                    segment.partNumber());
            delivery.finish();
            return;
        }
        Runnable release = () -> release(key);
        CompletableFuture<Optional<TrackedSegment>> tracked = tracking.find(segment.msgId(), segment.partNumber());
        tracked.whenComplete(held.onWorkers(delivery, release, (found, failure) -> {
            if (failure != null) {
                submitting.remove(key);
                retry(delivery, "cannot read the tracking of " + segment.msgId() + ": " + FailureCause.of(failure));
            } else if (found.isPresent()) {
                submitting.remove(key);
                onTrackedBefore(delivery, found.get());
            } else {
                submit(delivery, submit, key, segment);
            }
        }));
    }

    /**
     * A batch (a JSON array, as in the manual's multipart example): its SMS_OUT go back on the topic
     * as messages of their own, each then handled, answered and retried by itself; elements that are
     * not JSON objects become dead letters by themselves. The batch is finished once the bus took
     * them all, and requeued whole otherwise (elements published twice are then duplicates, which
     * the tracking stops from being sent twice).
     */
    private void split(BusDelivery delivery) {
        SmsOutBatch batch;
        try {
            batch = SmsOutBatch.parse(delivery.body());
        } catch (InvalidMessageException e) {
            deadLetter(delivery, e.getMessage());
            return;
        }
        List<CompletableFuture<Void>> published = new ArrayList<>();
        if (!batch.messages().isEmpty()) {
            published.add(bus.publishAll(Topic.SMS_OUT, batch.messages()));
        }
        for (String notObject : batch.notObjects()) {
            stats.increment("dead_letter");
            published.add(bus.publishDeadLetter(Topic.SMS_OUT, notObject,
                    "an element of an SMS_OUT batch that is not a JSON object"));
        }
        CompletableFuture.allOf(published.toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> {
            if (failure == null) {
                stats.increment("batch");
                log.debug("SMS_OUT batch of {} split into messages of their own", batch.messages().size());
                delivery.finish();
            } else {
                retry(delivery, "cannot put the " + batch.messages().size() + " SMS_OUT of a batch on the topic: "
                        + FailureCause.of(failure));
            }
        });
    }

    /** To the instances that transmit to the message's SMSC; back on the bus when the hand-off fails. */
    private void handOff(BusDelivery delivery, SmsOut sms) {
        bus.handOff(sms.smscId(), delivery.body()).whenComplete((done, failure) -> {
            if (failure == null) {
                stats.increment("handed_off");
                delivery.finish();
            } else {
                retry(delivery, "cannot hand " + sms.msgId() + " to the instances transmitting to " + sms.smscId()
                        + ": " + FailureCause.of(failure));
            }
        });
    }

    private void onTrackedBefore(BusDelivery delivery, TrackedSegment row) {
        stats.increment("duplicate");
        if (row.status().isFinal() && row.gatewayMsgId() != null) {
            // The final status came from the SMSC's receipt, whose event the correlation flow
            // publishes (again when the SMSC resends the receipt). Repeating it here would report it
            // twice whenever the receipt overtook the finish of this SMS_OUT (a crash in between).
            log.info("SMS_OUT {} part {} was sent before and has its final status ({}): not sent again, its"
                    + " DLR_IN sent repeated", row.msgId(), row.partNumber(), row.status().wireName());
            publishThenFinish(delivery, DlrInEvents.of(row.withSent(row.gatewayMsgId(), row.sentTime(),
                    row.smscTime())));
            return;
        }
        log.info("SMS_OUT {} part {} was handled before ({}): not sent again, its DLR_IN repeated", row.msgId(),
                row.partNumber(), row.status().wireName());
        publishThenFinish(delivery, DlrInEvents.of(row));
    }

    /**
     * Submits a segment that has no row. A redelivered one was submitted before without an answer
     * that was stored; it is counted as {@code resubmitted} once the SMSC answers it.
     */
    private void submit(BusDelivery delivery, OutboundSubmit submit, String key, TrackedSegment row) {
        boolean redelivered = delivery.attempts() > 1;
        long sentTime = config.clock().millis();
        long touchEvery = config.touchInterval().toMillis();
        ScheduledFuture<?> toucher = workers.timer().scheduleWithFixedDelay(delivery::touch, touchEvery, touchEvery,
                TimeUnit.MILLISECONDS);
        CompletableFuture<SubmitSmResp> answer;
        try {
            answer = gateways.submit(row.smscId(), submit.submitSm());
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((response, failure) -> toucher.cancel(false));
        answer.whenComplete(held.onWorkers(delivery, () -> release(key), (response, failure) -> {
            long smscTime = config.clock().millis();
            if (failure == null && redelivered) {
                stats.increment("resubmitted");
            }
            if (failure != null) {
                Throwable cause = FailureCause.of(failure);
                if (cause instanceof GenericNackException nack) {
                    rejectedBySmsc(delivery, key, row.withSent(null, sentTime, smscTime), nack.commandStatus());
                } else {
                    submitting.remove(key);
                    retry(delivery, "submit of " + row.msgId() + " part " + row.partNumber() + " to "
                            + row.smscId() + " failed: " + cause);
                }
            } else if (response.commandStatus() == 0 && !response.messageId().isBlank()) {
                record(delivery, key, row.withSent(response.messageId().strip(), sentTime, smscTime), "sent", 1);
            } else if (response.commandStatus() == 0) {
                log.warn("{} accepted {} part {} without a message_id: no receipt can be matched, reporting unknown",
                        row.smscId(), row.msgId(), row.partNumber());
                record(delivery, key, row.withSent(null, sentTime, smscTime).withFinal(MessageStatus.UNKNOWN, 0,
                        smscTime), "unknown", 1);
            } else if (isThrottling(response.commandStatus())) {
                submitting.remove(key);
                retry(delivery, row.smscId() + " throttles (" + CommandStatus.nameOf(response.commandStatus()) + ")");
            } else {
                rejectedBySmsc(delivery, key, row.withSent(null, sentTime, smscTime), response.commandStatus());
            }
        }));
    }

    private static boolean isThrottling(int status) {
        return status == CommandStatus.ESME_RTHROTTLED.value() || status == CommandStatus.ESME_RMSGQFUL.value();
    }

    /**
     * Stores the segment's row with the SMSC's answer, trying a few times: the SMSC has answered,
     * so the segment is not submitted again for a failed write; only its tracking would be missing.
     */
    private void record(BusDelivery delivery, String key, TrackedSegment outcome, String counter, int attempt) {
        tracking.record(outcome).whenComplete(held.onWorkers(delivery, () -> release(key), (stored, failure) -> {
            if (failure != null && attempt < RECORD_ATTEMPTS) {
                log.warn("cannot record {} part {} as {} (attempt {}): {}", outcome.msgId(), outcome.partNumber(),
                        outcome.status().wireName(), attempt, FailureCause.of(failure).toString());
                workers.timer().schedule(() -> record(delivery, key, outcome, counter, attempt + 1),
                        config.retryDelay().toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            submitting.remove(key);
            if (failure != null) {
                stats.increment("sent_untracked");
                log.error("{} part {} was answered by {} ({}, id {}) but its tracking could not be stored: its"
                        + " receipt will not be matched", outcome.msgId(), outcome.partNumber(), outcome.smscId(),
                        outcome.status().wireName(), outcome.gatewayMsgId());
            } else if (!stored) {
                log.info("{} part {} was tracked already (another copy was answered first); this answer is not"
                        + " stored", outcome.msgId(), outcome.partNumber());
            }
            stats.increment(counter);
            publishThenFinish(delivery, DlrInEvents.of(outcome));
        }));
    }

    /** Records a segment the SMSC refused: {@code rejected} with its command_status, at the time it answered. */
    private void rejectedBySmsc(BusDelivery delivery, String key, TrackedSegment answered, int commandStatus) {
        log.info("{} rejected {} part {} with {}", answered.smscId(), answered.msgId(), answered.partNumber(),
                CommandStatus.nameOf(commandStatus));
        record(delivery, key, answered.withFinal(MessageStatus.REJECTED, commandStatus, answered.smscTime()),
                "rejected_by_smsc", 1);
    }

    /** A rejection before anything was tracked or sent. */
    private void rejectUntracked(BusDelivery delivery, TrackedSegment about, Rejection rejection) {
        stats.increment("rejected");
        log.warn("SMS_OUT {} rejected (err_code {}): {}", PeerText.of(about.msgId()), rejection.errCode(),
                PeerText.of(rejection.reason()));
        publishThenFinish(delivery, DlrInEvents.of(about.withFinal(MessageStatus.REJECTED, rejection.errCode(),
                about.acptTime())));
    }

    private void publishThenFinish(BusDelivery delivery, DlrIn event) {
        dlrIn.publish(event).whenComplete((published, failure) -> {
            if (failure == null) {
                delivery.finish();
            } else {
                retry(delivery, "cannot publish DLR_IN " + event.status() + " for " + event.msgId() + ": "
                        + FailureCause.of(failure));
            }
        });
    }

    /**
     * What can be read of a body whose fields did not all validate, for its {@code rejected} event:
     * smsc_id when it is a string (else ""), part_number and total_parts when they are whole numbers
     * in range (else 1), data_coding likewise (else 0).
     */
    private static TrackedSegment partialEvent(String body, String msgId, long acptTime) {
        JsonObject json;
        try {
            json = JsonParser.parseString(body).getAsJsonObject();
        } catch (RuntimeException e) {
            json = new JsonObject();
        }
        String smscId = stringOr(json.get("smsc_id"), "");
        int totalParts = intOr(json.get("total_parts"), 1, 255, 1);
        int partNumber = intOr(json.get("part_number"), 1, totalParts, 1);
        int dataCoding = intOr(json.get("data_coding"), 0, 8, 0);
        return TrackedSegment.accepted(msgId, smscId).part(partNumber, totalParts, 0).dataCoding(dataCoding)
                .acceptedAt(acptTime).build();
    }

    private static String stringOr(JsonElement value, String fallback) {
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
                && value.getAsString().length() <= TrackedSegment.MAX_SMSC_ID ? value.getAsString() : fallback;
    }

    private static int intOr(JsonElement value, int min, int max, int fallback) {
        if (value == null || !value.isJsonPrimitive()) {
            return fallback;
        }
        try {
            int number = value.getAsBigDecimal().intValueExact();
            return number >= min && number <= max ? number : fallback;
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static int partNumber(SmsOut sms) {
        return sms.isSegment() ? sms.partNumber() : 1;
    }

    private static int totalParts(SmsOut sms) {
        return sms.isSegment() ? sms.totalParts() : 1;
    }

    private static String key(String msgId, int partNumber) {
        return partNumber + ":" + msgId;
    }

    private void deadLetter(BusDelivery delivery, String reason) {
        stats.increment("dead_letter");
        log.warn("SMS_OUT parked as a dead letter: {}", PeerText.of(reason));
        bus.publishDeadLetter(Topic.SMS_OUT, delivery.body(), reason).whenComplete((done, failure) -> {
            if (failure == null) {
                delivery.finish();
            } else {
                delivery.requeue(config.retryDelay());
            }
        });
    }

    private void retry(BusDelivery delivery, String why) {
        stats.increment("retry");
        log.info("SMS_OUT requeued: {}", why);
        delivery.requeue(held.backoff(delivery));
    }

    private void release(String key) {
        if (key != null) {
            submitting.remove(key);
        }
    }

    @Override
    public void close() {
        handOffs.close();
        held.close();
        workers.close();
    }
}
