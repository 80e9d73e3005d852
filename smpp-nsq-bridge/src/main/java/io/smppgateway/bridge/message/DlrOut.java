package io.smppgateway.bridge.message;

import io.smppgateway.smpp.receipt.FinalStatus;

/**
 * A delivery report the application sends to an ESME (topic NSQ_DLR_OUT_TOPIC): which client, which
 * of the ids we issued, its final status and an optional SMPP error code.
 */
public record DlrOut(long clientId, String msgId, FinalStatus status, int errCode) {

    /** Reads and validates one DLR_OUT body; fails with every field error at once. */
    public static DlrOut parse(String body) {
        JsonFields json = JsonFields.parse(body);
        Long clientId = json.number("client_id", 1, Long.MAX_VALUE, true);
        String msgId = json.string("msg_id", 255, true);
        String statusText = json.string("status", 11, true);
        Long errCode = json.number("err_code", 0, 255, false);
        FinalStatus status = null;
        if (statusText != null) {
            status = FinalStatus.of(statusText).orElse(null);
            if (status == null) {
                json.errors().put("status", "must be one of delivered, rejected, undelivered, expired, unknown");
            }
        }
        if (!json.errors().isEmpty()) {
            throw new InvalidMessageException(msgId, json.errors());
        }
        return new DlrOut(clientId, msgId, status, errCode == null ? 0 : errCode.intValue());
    }
}
