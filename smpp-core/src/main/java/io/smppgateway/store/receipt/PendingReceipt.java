package io.smppgateway.store.receipt;

import io.smppgateway.store.FieldErrors;
import io.smppgateway.store.MessageStatus;
import io.smppgateway.store.ValidationException;

/**
 * A DLR_OUT the application sent for an ESME that has no receiver bind: kept until one binds.
 * Checked here, before any SQL, with a {@link ValidationException}.
 *
 * @param msgId the id we issued to the ESME (DLR_OUT's msg_id, max 255)
 * @param status a final status (DLR_OUT's: delivered, undelivered, rejected, expired, unknown)
 * @param errCode 0 to 255, as DLR_OUT allows
 * @param doneTime Unix milliseconds the receipt's {@code done date:} reports
 */
public record PendingReceipt(long clientId, String msgId, MessageStatus status, int errCode, long doneTime) {

    public static final int MAX_MSG_ID = 255;

    public PendingReceipt {
        FieldErrors errors = new FieldErrors()
                .range("client_id", clientId, 1, Long.MAX_VALUE)
                .requiredText("msg_id", msgId, MAX_MSG_ID)
                .range("err_code", errCode, 0, 255)
                .range("done_time", doneTime, 0, Long.MAX_VALUE);
        if (status == null) {
            errors.add("status", "required");
        } else if (!status.isFinal()) {
            errors.add("status", "must be a final status, not '" + status.wireName() + "'");
        }
        errors.throwIfAny("pending receipt");
    }
}
