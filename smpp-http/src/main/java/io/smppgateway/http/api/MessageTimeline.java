package io.smppgateway.http.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.http.live.ApiSubmission;
import io.smppgateway.http.logs.PduLogEntry;
import io.smppgateway.http.logs.PduLogMatches;
import io.smppgateway.store.MessageStatus;
import io.smppgateway.store.inbound.IssuedMessage;
import io.smppgateway.store.outbound.TrackedSegment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The answer of {@code GET /api/messages/{msg_id}}: what the stores keep of a message (its segments
 * sent to SMSCs, or the id issued to an ESME), the DLR_IN events of a message sent through the API,
 * its events in time order, and the PDU log entries that mention it.
 */
record MessageTimeline(String msgId, List<TrackedSegment> segments, Optional<IssuedMessage> issued,
                       Optional<ApiSubmission> submission, PduLogMatches pduLog) {

    /** Whether anything at all is known of the message. */
    boolean isKnown() {
        return !segments.isEmpty() || issued.isPresent() || submission.isPresent();
    }

    JsonObject json() {
        JsonObject json = new JsonObject();
        json.addProperty("msg_id", msgId);
        JsonArray outbound = new JsonArray();
        segments.forEach(segment -> outbound.add(segmentJson(segment)));
        json.add("segments", outbound);
        json.add("issued", issued.map(MessageTimeline::issuedJson).orElse(null));
        JsonArray dlrIn = new JsonArray();
        submission.ifPresent(s -> s.dlrInEvents().forEach(body -> dlrIn.add(JsonParser.parseString(body))));
        json.add("dlr_in", dlrIn);
        JsonArray timeline = new JsonArray();
        events().forEach(event -> timeline.add(event.json()));
        json.add("timeline", timeline);
        JsonObject log = new JsonObject();
        JsonArray entries = new JsonArray();
        for (PduLogEntry entry : pduLog.entries()) {
            JsonObject line = new JsonObject();
            line.addProperty("file", entry.fileId());
            line.addProperty("text", entry.text());
            entries.add(line);
        }
        log.add("entries", entries);
        log.addProperty("complete", pduLog.complete());
        json.add("pdu_log", log);
        return json;
    }

    private static JsonObject segmentJson(TrackedSegment segment) {
        JsonObject json = new JsonObject();
        json.addProperty("smsc_id", segment.smscId());
        json.addProperty("part_number", segment.partNumber());
        json.addProperty("total_parts", segment.totalParts());
        json.addProperty("reference", segment.reference());
        json.addProperty("data_coding", segment.dataCoding());
        json.addProperty("status", segment.status().wireName());
        json.addProperty("err_code", segment.errCode());
        json.addProperty("gateway_msg_id", segment.gatewayMsgId());
        time(json, "acpt_time", segment.acptTime());
        time(json, "sent_time", segment.sentTime());
        time(json, "smsc_time", segment.smscTime());
        time(json, "dlr_time", segment.dlrTime());
        return json;
    }

    private static JsonObject issuedJson(IssuedMessage issued) {
        JsonObject json = new JsonObject();
        json.addProperty("client_id", issued.clientId());
        time(json, "submit_time", issued.submitTime());
        json.addProperty("source_addr", issued.sourceAddr());
        json.addProperty("dest_addr", issued.destAddr());
        json.addProperty("registered_delivery", issued.registeredDelivery());
        json.addProperty("data_coding", issued.dataCoding());
        json.addProperty("text_start", issued.textStart());
        return json;
    }

    /** {@code name} in Unix milliseconds (null when 0) and {@code name_iso} in ISO form. */
    private static void time(JsonObject json, String name, long unixMillis) {
        json.addProperty(name, unixMillis <= 0 ? null : unixMillis);
        json.addProperty(name + "_iso", IsoTimes.of(unixMillis));
    }

    /** What happened to the message, oldest first. */
    List<Event> events() {
        List<Event> events = new ArrayList<>();
        submission.ifPresent(s -> events.add(new Event("published", s.publishedAt(), null, null, 0,
                "published on SMS_OUT through the REST API", null)));
        issued.ifPresent(i -> events.add(new Event("received", i.submitTime(), null, i.clientId(), 0,
                "submit_sm from the ESME of client " + i.clientId() + "; this id was returned in submit_sm_resp",
                null)));
        for (TrackedSegment s : segments) {
            String part = s.totalParts() > 1 ? " (part " + s.partNumber() + " of " + s.totalParts() + ")" : "";
            if (s.acptTime() > 0) {
                events.add(new Event("accepted", s.acptTime(), s.smscId(), null, s.partNumber(),
                        "taken from SMS_OUT" + part, null));
            }
            if (s.sentTime() > 0) {
                events.add(new Event("submitted", s.sentTime(), s.smscId(), null, s.partNumber(),
                        "submit_sm to " + s.smscId() + part, null));
            }
            if (s.smscTime() > 0 && s.gatewayMsgId() != null) {
                events.add(new Event(MessageStatus.SENT.wireName(), s.smscTime(), s.smscId(), null, s.partNumber(),
                        "submit_sm_resp with the SMSC's id" + part, s.gatewayMsgId()));
            }
            if (s.status().isFinal()) {
                long at = s.dlrTime() > 0 ? s.dlrTime() : Math.max(s.smscTime(), s.sentTime());
                String detail = switch (s.status()) {
                    case DELIVERED, UNDELIVERED -> "the SMSC's receipt";
                    case EXPIRED -> "no receipt in time";
                    default -> "final status";
                };
                events.add(new Event(s.status().wireName(), at, s.smscId(), null, s.partNumber(),
                        detail + (s.errCode() != 0 ? ", err_code " + s.errCode() : "") + part, null));
            }
        }
        events.sort(Comparator.comparingLong(Event::time));
        return events;
    }

    /** One step of the message, at {@code time} (Unix milliseconds), on an SMSC or from a client. */
    record Event(String event, long time, String smscId, Long clientId, int partNumber, String detail,
                 String gatewayMsgId) {

        JsonObject json() {
            JsonObject json = new JsonObject();
            json.addProperty("event", event);
            json.addProperty("time", time);
            json.addProperty("time_iso", IsoTimes.of(time));
            if (smscId != null) {
                json.addProperty("smsc_id", smscId);
            }
            if (clientId != null) {
                json.addProperty("client_id", clientId);
            }
            if (partNumber > 0) {
                json.addProperty("part_number", partNumber);
            }
            if (gatewayMsgId != null) {
                json.addProperty("gateway_msg_id", gatewayMsgId);
            }
            json.addProperty("detail", detail);
            return json;
        }
    }
}
