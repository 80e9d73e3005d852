package io.smppgateway.http.live;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * How {@code POST /api/messages} sends an SMS the way an application does: the runner checks the
 * body as the gateway checks every SMS_OUT and publishes it on the SMS_OUT topic of the gateway's
 * bus, so tracking, retries and DLR_IN are the usual ones. It also keeps, for a while, the DLR_IN
 * events the gateway published for the messages sent this way, so that the panel can show them
 * arrive.
 */
public interface OutgoingSms {

    /**
     * Publishes one SMS_OUT body (with its {@code msg_id}); completes once the bus accepted it.
     * Fails with {@link InvalidSmsOutException} for a body the gateway would refuse.
     */
    CompletableFuture<Void> publish(String smsOutBody);

    /** What this instance still holds of a message it published for the API; empty for any other. */
    Optional<ApiSubmission> submission(String msgId);
}
