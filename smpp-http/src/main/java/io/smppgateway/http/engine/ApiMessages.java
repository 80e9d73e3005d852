package io.smppgateway.http.engine;

import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.bridge.flow.DlrInListener;
import io.smppgateway.bridge.message.DlrIn;
import io.smppgateway.bridge.message.InvalidMessageException;
import io.smppgateway.bridge.message.SmsOut;
import io.smppgateway.http.live.ApiSubmission;
import io.smppgateway.http.live.InvalidSmsOutException;
import io.smppgateway.http.live.OutgoingSms;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The SMS sent through {@code POST /api/messages}: each body is checked as the outbound flow checks
 * every SMS_OUT ({@link SmsOut#parse}) and published on the SMS_OUT topic of the engine's bus, the
 * way an application sends; and the DLR_IN events the gateway publishes for those messages are kept
 * (the last {@link #MESSAGES_KEPT} messages, {@link #EVENTS_PER_MESSAGE} events each) for the panel
 * to show. Events of other messages pass by untouched.
 */
final class ApiMessages implements OutgoingSms, DlrInListener {

    static final int MESSAGES_KEPT = 1_000;
    static final int EVENTS_PER_MESSAGE = 64;

    private final MessageBus bus;
    private final Clock clock;
    private final Map<String, Kept> kept = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > MESSAGES_KEPT;
        }
    };

    /** A message published for the API and its DLR_IN events so far. */
    private record Kept(long publishedAt, List<String> events) {
    }

    ApiMessages(MessageBus bus, Clock clock) {
        this.bus = bus;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> publish(String smsOutBody) {
        SmsOut message;
        try {
            message = SmsOut.parse(smsOutBody);
        } catch (InvalidMessageException e) {
            return CompletableFuture.failedFuture(new InvalidSmsOutException(e.getMessage(), e.fieldErrors()));
        }
        // kept before publishing: the sent event may come before the publish completes here
        synchronized (kept) {
            kept.put(message.msgId(), new Kept(clock.millis(), new ArrayList<>()));
        }
        return bus.publish(Topic.SMS_OUT, smsOutBody).whenComplete((done, failure) -> {
            if (failure != null) {
                synchronized (kept) {
                    kept.remove(message.msgId());
                }
            }
        });
    }

    @Override
    public Optional<ApiSubmission> submission(String msgId) {
        synchronized (kept) {
            Kept message = kept.get(msgId);
            return message == null ? Optional.empty()
                    : Optional.of(new ApiSubmission(message.publishedAt(), message.events()));
        }
    }

    @Override
    public void published(DlrIn event) {
        if (event.msgId() == null) {
            return;
        }
        synchronized (kept) {
            Kept message = kept.get(event.msgId());
            if (message != null && message.events().size() < EVENTS_PER_MESSAGE) {
                message.events().add(event.toJson());
            }
        }
    }
}
