package io.smppgateway.http.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.smppgateway.http.HttpBackend;
import io.smppgateway.http.MessageTraffic;
import io.smppgateway.http.live.ApiSubmission;
import io.smppgateway.http.live.InvalidSmsOutException;
import io.smppgateway.http.logs.PduLogEntry;
import io.smppgateway.http.logs.PduLogMatches;
import io.smppgateway.http.logs.PduLogSearch;
import io.smppgateway.http.web.ApiException;
import io.smppgateway.http.web.JsonResponses;
import io.smppgateway.http.web.QueryParams;
import io.smppgateway.http.web.RequestBodies;
import io.smppgateway.store.gateway.Gateway;
import io.smppgateway.store.gateway.GatewayStore;
import io.smppgateway.store.inbound.IssuedMessage;
import io.smppgateway.store.outbound.TrackedSegment;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.PathTemplateMatch;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code /api/messages} (ours): send an SMS the way an application does, through the SMS_OUT topic
 * of the gateway's bus ({@code POST}), and look a message up by its {@code msg_id} or by the id the
 * SMSC gave it ({@code GET}): what the stores keep of it, its events in time order and the PDU log
 * entries that mention it.
 */
public final class MessagesResource {

    /** The manual's SMS_OUT fields: the body may carry only these. */
    private static final Set<String> SMS_OUT_FIELDS = Set.of("smsc_id", "msg_id", "sender", "receiver", "message",
            "data_coding", "part_number", "total_parts", "reference");
    private static final int MAX_GATEWAY_MSG_ID = 64;

    private final GatewayStore gateways;
    private final MessageTraffic messages;
    private final PduLogSearch gatewayLogs;
    private final PduLogSearch clientLogs;
    private final Duration timeout;
    private final int maxBodyBytes;

    /**
     * @param timeout how long an answer waits for the bus or the stores
     */
    public MessagesResource(HttpBackend backend, PduLogSearch gatewayLogs, PduLogSearch clientLogs,
                            Duration timeout, int maxBodyBytes) {
        this.gateways = backend.gateways();
        this.messages = backend.messages();
        this.gatewayLogs = gatewayLogs;
        this.clientLogs = clientLogs;
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** {@code POST /api/messages}: 202 with the msg_id once the bus took the SMS_OUT body. */
    public void send(HttpServerExchange exchange) {
        JsonObject body = RequestBodies.jsonObject(exchange, maxBodyBytes);
        Map<String, String> errors = new LinkedHashMap<>();
        for (String field : body.keySet()) {
            if (!SMS_OUT_FIELDS.contains(field)) {
                errors.put(field, "not an SMS_OUT field");
            }
        }
        JsonElement msgId = body.get("msg_id");
        if (msgId == null || msgId.isJsonNull()) {
            body.addProperty("msg_id", UUID.randomUUID().toString());
        }
        JsonElement smscId = body.get("smsc_id");
        if (smscId != null && smscId.isJsonPrimitive() && smscId.getAsJsonPrimitive().isString()
                && !smscId.getAsString().isEmpty() && smscId.getAsString().length() <= TrackedSegment.MAX_SMSC_ID
                && gateways.findBySmscId(smscId.getAsString()).isEmpty()) {
            errors.put("smsc_id", "no gateway with this smsc_id");
        }
        try {
            if (!errors.isEmpty()) {
                throw new InvalidSmsOutException("invalid SMS_OUT", errors);
            }
            await(messages.outgoing().publish(body.toString()));
        } catch (InvalidSmsOutException invalid) {
            Map<String, String> all = new LinkedHashMap<>(errors);
            all.putAll(invalid.fieldErrors());
            throw ApiException.badRequest("invalid message: " + GatewayJson.describe(all), all);
        } catch (ApiException refused) {
            throw refused;
        } catch (RuntimeException busFailure) {
            // nothing was published: the caller may send it again
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
            throw new ApiException(503, "the message bus did not take the message: " + busFailure.getMessage(),
                    Map.of());
        }
        String id = body.get("msg_id").getAsString();
        JsonObject answer = new JsonObject();
        answer.addProperty("msg_id", id);
        answer.addProperty("smsc_id", body.get("smsc_id").getAsString());
        answer.addProperty("status", "published");
        exchange.getResponseHeaders().put(Headers.LOCATION,
                "/api/messages/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
        JsonResponses.send(exchange, 202, answer);
    }

    /** {@code GET /api/messages/{msg_id}}: the message's timeline; 404 when nothing is known of it. */
    public void get(HttpServerExchange exchange) {
        PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
        String msgId = match == null ? null : match.getParameters().get("msg_id");
        if (msgId == null || msgId.isEmpty() || msgId.length() > TrackedSegment.MAX_MSG_ID) {
            throw ApiException.notFound("no message with this msg_id");
        }
        MessageTimeline timeline = timeline(msgId);
        if (!timeline.isKnown()) {
            throw ApiException.notFound("no message with msg_id '" + msgId + "' (neither sent to an SMSC"
                    + " nor issued to an ESME, or deleted by the retention)");
        }
        JsonResponses.send(exchange, 200, timeline.json());
    }

    /**
     * {@code GET /api/messages?gateway_msg_id=...&smsc_id=...}: the messages the SMSC knows by this
     * id (on that gateway, or on any when smsc_id is absent), as an array of timelines.
     */
    public void search(HttpServerExchange exchange) {
        Optional<String> gatewayMsgId = QueryParams.single(exchange, "gateway_msg_id");
        if (gatewayMsgId.isEmpty()) {
            throw ApiException.badField("gateway_msg_id", "required (or look a message up at /api/messages/{msg_id})");
        }
        if (gatewayMsgId.get().length() > MAX_GATEWAY_MSG_ID) {
            throw ApiException.badField("gateway_msg_id", "at most " + MAX_GATEWAY_MSG_ID + " characters");
        }
        List<String> smscIds = new ArrayList<>();
        Optional<String> smscId = QueryParams.single(exchange, "smsc_id");
        if (smscId.isPresent()) {
            smscIds.add(smscId.get());
        } else {
            gateways.list().stream().map(Gateway::smscId).forEach(smscIds::add);
        }
        Set<String> msgIds = new LinkedHashSet<>();
        for (String smsc : smscIds) {
            if (smsc.length() <= TrackedSegment.MAX_SMSC_ID) {
                await(messages.outbound().findStoredByGatewayId(smsc, gatewayMsgId.get()))
                        .ifPresent(segment -> msgIds.add(segment.msgId()));
            }
        }
        JsonArray found = new JsonArray();
        for (String msgId : msgIds) {
            found.add(timeline(msgId).json());
        }
        JsonResponses.send(exchange, 200, found);
    }

    private MessageTimeline timeline(String msgId) {
        CompletableFuture<List<TrackedSegment>> segments = messages.outbound().segments(msgId);
        CompletableFuture<Optional<IssuedMessage>> issued = msgId.length() <= IssuedMessage.MAX_MSG_ID
                ? messages.inbound().find(msgId) : CompletableFuture.completedFuture(Optional.empty());
        List<TrackedSegment> sent = await(segments);
        Optional<IssuedMessage> issuedTo = await(issued);
        Optional<ApiSubmission> submission = messages.outgoing().submission(msgId);
        Set<String> smscs = new LinkedHashSet<>();
        Set<String> gatewayIds = new LinkedHashSet<>();
        for (TrackedSegment segment : sent) {
            smscs.add(segment.smscId());
            if (segment.gatewayMsgId() != null) {
                gatewayIds.add(segment.gatewayMsgId());
            }
        }
        List<PduLogEntry> entries = new ArrayList<>();
        boolean complete = true;
        if (!smscs.isEmpty() && !gatewayIds.isEmpty()) {
            PduLogMatches outbound = gatewayLogs.find(smscs, gatewayIds);
            entries.addAll(outbound.entries());
            complete = outbound.complete();
        }
        if (issuedTo.isPresent()) {
            PduLogMatches inbound = clientLogs.find(Set.of(String.valueOf(issuedTo.get().clientId())), Set.of(msgId));
            entries.addAll(inbound.entries());
            complete &= inbound.complete();
        }
        return new MessageTimeline(msgId, sent, issuedTo, submission, new PduLogMatches(entries, complete));
    }

    private <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new ApiException(503, "no answer within " + timeout.toSeconds() + " s, try again", Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted", Map.of());
        }
    }
}
