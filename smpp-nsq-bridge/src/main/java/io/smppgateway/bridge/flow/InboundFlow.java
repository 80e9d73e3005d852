package io.smppgateway.bridge.flow;

import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.bridge.message.SmsIn;
import io.smppgateway.store.inbound.InboundTracking;
import io.smppgateway.store.inbound.IssuedMessage;
import io.smppgateway.smpp.async.FailureCause;
import io.smppgateway.smpp.log.PeerText;
import io.smppgateway.smpp.log.RepeatedLines;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.DataSm;
import io.smppgateway.smpp.pdu.PduRequest;
import io.smppgateway.smpp.pdu.PduResponse;
import io.smppgateway.smpp.pdu.SubmitMulti;
import io.smppgateway.smpp.pdu.SubmitMultiResp;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.Tlvs;
import io.smppgateway.smpp.server.EsmeAccount;
import io.smppgateway.smpp.server.EsmeRequestHandler;
import io.smppgateway.smpp.session.CommandStatusException;
import io.smppgateway.smpp.session.SmppSession;
import io.smppgateway.smpp.text.MalformedUserDataHeaderException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ESME -> SMS_IN: the server's handler for what a bound ESME submits. For each submit_sm, data_sm,
 * or submit_multi to plain addresses: assign a msg_id (a time-ordered UUID), record it with what its receipt
 * will need, publish the SMS_IN event (one per destination), and only then answer with the msg_id.
 * So an ESME that has its response has its message on the bus; when the record or the publish
 * fails it gets ESME_RMSGQFUL and sends again, and nothing is dropped silently.
 *
 * <p>Answers: ESME_RTHROTTLED when this flow's queue is full, ESME_RINVESMCLASS for a UDHI flag
 * with no valid header, ESME_RINVSRCADR / ESME_RINVDSTADR for addresses longer than the 25
 * characters tracked, ESME_RCNTSUBDL for a submit_multi to a distribution list, ESME_RQUERYFAIL,
 * ESME_RCANCELFAIL, ESME_RREPLACEFAIL for query_sm, cancel_sm, replace_sm (messages are the
 * application's once published), ESME_RINVCMDID for anything else.
 *
 * <p>Counters: {@code accepted}, {@code published}, {@code queue_full} (answered ESME_RMSGQFUL),
 * {@code throttled}, {@code invalid}.
 */
public final class InboundFlow implements EsmeRequestHandler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InboundFlow.class);
    private static final RepeatedLines LINES = RepeatedLines.perMinute();

    private final InboundTracking tracking;
    private final MessageBus bus;
    private final FlowConfig config;
    private final FlowWorkers workers;
    private final FlowStats stats = new FlowStats();
    private final TimeOrderedMessageIds msgIds;

    public InboundFlow(InboundTracking tracking, MessageBus bus, FlowConfig config) {
        this.tracking = tracking;
        this.bus = bus;
        this.config = config;
        this.workers = new FlowWorkers("inbound-flow", config.workerThreads(), config.workerQueue());
        this.msgIds = new TimeOrderedMessageIds(config.clock());
    }

    public FlowStats stats() {
        return stats;
    }

    @Override
    public CompletableFuture<? extends PduResponse> onRequest(EsmeAccount account, SmppSession session,
                                                               PduRequest<?> request) {
        if (request instanceof SubmitSm submit) {
            return handOver(account, session, request, () -> InboundSubmission.of(submit), submit::response);
        }
        if (request instanceof DataSm data) {
            return handOver(account, session, request, () -> InboundSubmission.of(data), data::response);
        }
        if (request instanceof SubmitMulti multi) {
            return handOver(account, session, request, () -> InboundSubmission.of(multi),
                    msgId -> new SubmitMultiResp(0, multi.sequenceNumber(), msgId, List.of(), Tlvs.EMPTY));
        }
        return refuse(statusFor(request));
    }

    private static CommandStatus statusFor(PduRequest<?> request) {
        return switch (request.commandId()) {
            case QUERY_SM -> CommandStatus.ESME_RQUERYFAIL;
            case CANCEL_SM -> CommandStatus.ESME_RCANCELFAIL;
            case REPLACE_SM -> CommandStatus.ESME_RREPLACEFAIL;
            default -> CommandStatus.ESME_RINVCMDID;
        };
    }

    /** Leaves the event loop at once; the decoding, the record and the publish run on this flow's pool. */
    private <R extends PduResponse> CompletableFuture<R> handOver(EsmeAccount account, SmppSession session,
                                                                  PduRequest<?> request,
                                                                  Supplier<InboundSubmission> decode,
                                                                  Function<String, R> response) {
        CompletableFuture<R> answer = new CompletableFuture<>();
        try {
            workers.execute(() -> {
                CompletableFuture<R> result;
                try {
                    result = accept(account, session, request, decode, response);
                } catch (RuntimeException e) {
                    log.warn("[{}] {} from {} failed", session.id(), request.commandId(), account.systemId(), e);
                    result = refuse(CommandStatus.ESME_RSYSERR);
                }
                result.whenComplete((value, failure) -> {
                    if (failure != null) {
                        answer.completeExceptionally(failure);
                    } else {
                        answer.complete(value);
                    }
                });
            });
        } catch (RejectedExecutionException full) {
            stats.increment("throttled");
            answer.completeExceptionally(new CommandStatusException(CommandStatus.ESME_RTHROTTLED,
                    "the inbound flow's queue is full"));
        }
        return answer;
    }

    private <R extends PduResponse> CompletableFuture<R> accept(EsmeAccount account, SmppSession session,
                                                               PduRequest<?> request,
                                                               Supplier<InboundSubmission> decode,
                                                               Function<String, R> response) {
        long received = config.clock().millis();
        InboundSubmission submission;
        try {
            submission = decode.get();
        } catch (MalformedUserDataHeaderException e) {
            return invalid(session, request, CommandStatus.ESME_RINVESMCLASS, e.getMessage());
        } catch (InboundSubmission.DistributionListException e) {
            return invalid(session, request, CommandStatus.ESME_RCNTSUBDL, e.getMessage());
        }
        if (submission.source().address().length() > IssuedMessage.MAX_ADDRESS) {
            return invalid(session, request, CommandStatus.ESME_RINVSRCADR, "source_addr is too long");
        }
        if (submission.destinations().isEmpty()) {
            return invalid(session, request, CommandStatus.ESME_RINVNUMDESTS, "no destination");
        }
        for (Address destination : submission.destinations()) {
            if (destination.address().length() > IssuedMessage.MAX_ADDRESS) {
                return invalid(session, request, CommandStatus.ESME_RINVDSTADR, "destination_addr is too long");
            }
        }
        String msgId = msgIds.next();
        Address firstDestination = submission.destinations().get(0);
        IssuedMessage issued = IssuedMessage.issued(msgId, account.id()).submittedAt(received)
                .source(submission.source().address(), submission.source().ton(), submission.source().npi())
                .destination(firstDestination.address(), firstDestination.ton(), firstDestination.npi())
                .registeredDelivery(submission.registeredDelivery()).dataCoding(submission.dataCoding())
                .textStart(IssuedMessage.textStartOf(submission.text())).build();
        stats.increment("accepted");
        // The JSON and the publish run on this flow's pool, not on the store's completion thread.
        return tracking.record(issued)
                .thenComposeAsync(recorded -> publishAll(account, msgId, submission, received), workers)
                .handle((published, failure) -> {
                    if (failure != null) {
                        stats.increment("queue_full");
                        long skipped = takeLine("not taken from " + account.systemId());
                        if (skipped >= 0) {
                            log.warn("[{}] {} from {} not taken (answering ESME_RMSGQFUL so that it is sent again):"
                                    + " {}{}", session.id(), request.commandId(), PeerText.of(account.systemId()),
                                    FailureCause.of(failure).toString(), RepeatedLines.suffix(skipped));
                        }
                        throw new CommandStatusException(CommandStatus.ESME_RMSGQFUL,
                                "the message could not be stored or published");
                    }
                    return response.apply(msgId);
                });
    }

    private CompletableFuture<Void> publishAll(EsmeAccount account, String msgId, InboundSubmission submission,
                                               long received) {
        CompletableFuture<?>[] publishes = new CompletableFuture<?>[submission.destinations().size()];
        for (int i = 0; i < publishes.length; i++) {
            Address destination = submission.destinations().get(i);
            SmsIn event = SmsIn.of(account.id(), msgId)
                    .sender(submission.source().address(), submission.source().ton(), submission.source().npi())
                    .receiver(destination.address(), destination.ton(), destination.npi())
                    .serviceType(submission.serviceType())
                    .message(submission.text(), submission.dataCoding())
                    .part(submission.part().reference(), submission.part().totalParts(), submission.part().partNumber())
                    .receivedAt(received).build();
            publishes[i] = bus.publish(Topic.SMS_IN, event.toJson()).thenRun(() -> stats.increment("published"));
        }
        return CompletableFuture.allOf(publishes);
    }

    private <R> CompletableFuture<R> invalid(SmppSession session, PduRequest<?> request, CommandStatus status,
                                             String why) {
        stats.increment("invalid");
        long skipped = takeLine("refused " + status.name() + " from " + session.systemId());
        if (skipped >= 0) {
            log.info("[{}] {} refused with {}: {}{}", session.id(), request.commandId(), status.name(), why,
                    RepeatedLines.suffix(skipped));
        }
        return refuse(status);
    }

    /**
     * Asks for a line of a kind a bound ESME can cause at its submit rate: a few a minute per kind
     * are written, the rest counted and summed up once their minute is over.
     */
    private static long takeLine(String kind) {
        for (RepeatedLines.Summary summary : LINES.drainEnded()) {
            log.info("{} more lines like '{}' were not logged in the last minute", summary.count(),
                    PeerText.of(summary.key()));
        }
        return LINES.take(kind);
    }

    private static <R> CompletableFuture<R> refuse(CommandStatus status) {
        return CompletableFuture.failedFuture(new CommandStatusException(status, status.name()));
    }

    @Override
    public void close() {
        workers.close();
    }
}
