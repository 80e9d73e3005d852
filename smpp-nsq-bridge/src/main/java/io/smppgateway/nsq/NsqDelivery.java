package io.smppgateway.nsq;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A message handed to a {@link NsqMessageHandler}, with the means to settle it: exactly one of
 * {@link #finish()} or {@link #requeue} (settling twice is a bug and throws), plus
 * {@link #touch()} while work goes on longer than the msg_timeout. All of them may be called from
 * any thread and return at once.
 *
 * <p>If the connection the message came on is lost, or the consumer requeued it while closing,
 * nsqd will deliver it again and settling it here does nothing.
 */
public final class NsqDelivery {

    private static final int OPEN = 0;
    private static final int SETTLED = 1;
    private static final int RELEASED = 2;

    private final NsqMessage message;
    private final ConsumerConnection connection;
    private final Backoff requeueBackoff;
    private final AtomicInteger state = new AtomicInteger(OPEN);

    NsqDelivery(NsqMessage message, ConsumerConnection connection, Backoff requeueBackoff) {
        this.message = message;
        this.connection = connection;
        this.requeueBackoff = requeueBackoff;
    }

    public NsqMessage message() {
        return message;
    }

    /** FIN: the message is done and nsqd forgets it. */
    public void finish() {
        if (settle()) {
            connection.settle(this, new NsqCommand.Fin(message.id()), true);
        }
    }

    /**
     * REQ with the default backoff for this attempt: the consumer's requeue backoff doubled per
     * attempt already made (2 s, 4 s, 8 s ... with the defaults).
     */
    public void requeue() {
        requeue(defaultRequeueDelay());
    }

    /** REQ: nsqd delivers the message again after {@code delay}. */
    public void requeue(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay: " + delay);
        }
        if (settle()) {
            connection.settle(this, new NsqCommand.Req(message.id(), delay.toMillis()), false);
        }
    }

    /** TOUCH: restarts nsqd's msg_timeout for this message (bounded by nsqd's max-msg-timeout). */
    public void touch() {
        if (state.get() == OPEN) {
            connection.touch(new NsqCommand.Touch(message.id()));
        }
    }

    /** Whether finish or requeue has been called (or the consumer released the message). */
    public boolean isSettled() {
        return state.get() != OPEN;
    }

    Duration defaultRequeueDelay() {
        return Duration.ofMillis(requeueBackoff.ceilingMillis(message.attempts() - 1));
    }

    /**
     * Marks the delivery as no longer ours to settle (connection lost or requeued on close).
     * Returns false if the handler settled it first.
     */
    boolean release() {
        return state.compareAndSet(OPEN, RELEASED);
    }

    private boolean settle() {
        if (state.compareAndSet(OPEN, SETTLED)) {
            return true;
        }
        if (state.get() == SETTLED) {
            throw new IllegalStateException("nsq message " + message.id() + " was already finished or requeued");
        }
        return false;
    }

    @Override
    public String toString() {
        return "NsqDelivery[" + message + "]";
    }
}
