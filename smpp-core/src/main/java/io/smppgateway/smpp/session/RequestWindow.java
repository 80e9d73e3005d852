package io.smppgateway.smpp.session;

import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.GenericNack;
import io.smppgateway.smpp.pdu.PduRequest;
import io.smppgateway.smpp.pdu.PduResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The requests a session sends and their answers: at most {@code windowSize} in flight, a bounded
 * queue in front of them, the throttled ones waiting to be sent again first, a pause after a
 * throttling answer, and expiry of the unanswered ones.
 *
 * <p>It holds no connection and no clock: the session asks it what to write next, tells it what
 * was written and what was answered, and passes the time in. It is not thread-safe; a session uses
 * it from its event loop only.
 */
public final class RequestWindow {

    /** Pause after the first throttling answer in a row; each next one doubles it. */
    static final long FIRST_PAUSE_MILLIS = 200;
    /** The longest pause after throttling answers. */
    static final long LONGEST_PAUSE_MILLIS = 10_000;
    /**
     * How many throttling answers one message gets retried after (about 30 s of pauses at most);
     * the next one completes its future with that answer, so that the caller puts it back on its
     * queue (the outbound flow requeues the SMS_OUT, which any instance may then take).
     */
    static final int MAX_THROTTLE_RETRIES = 8;

    private final int windowSize;
    private final int queueCapacity;
    private final Duration responseTimeout;
    private final Map<Integer, InFlight> inFlight = new HashMap<>();
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private final ArrayDeque<Request> retries = new ArrayDeque<>();
    private boolean retryThrottled;
    private long pausedUntilNanos;
    private boolean paused;
    private int throttleStreak;

    /**
     * A request and the future its answer completes.
     *
     * @param throttleRetries how many throttling answers it was sent again after
     */
    public record Request(PduRequest<?> pdu, CompletableFuture<PduResponse> future, int throttleRetries) {

        public Request(PduRequest<?> pdu, CompletableFuture<PduResponse> future) {
            this(pdu, future, 0);
        }

        /** The same request with another sequence number, as it is written. */
        public Request sentAs(PduRequest<?> numbered) {
            return new Request(numbered, future, throttleRetries);
        }

        Request throttledOnce() {
            return new Request(pdu, future, throttleRetries + 1);
        }
    }

    private record InFlight(Request request, long deadlineNanos) {
    }

    /** What an answer did to its request. */
    public enum Answer {
        /** The request's future is complete with the answer (or with the generic_nack's failure). */
        COMPLETED,
        /** A throttling answer: the request waits to be sent again after {@link #pauseMillis()}. */
        RETRY_AFTER_PAUSE,
        /** No request in flight has that sequence number: a late or foreign answer. */
        UNMATCHED
    }

    public RequestWindow(int windowSize, int queueCapacity, Duration responseTimeout, boolean retryThrottled) {
        if (windowSize < 1 || queueCapacity < 0) {
            throw new IllegalArgumentException("a window holds at least one request and a queue cannot be negative");
        }
        this.windowSize = windowSize;
        this.queueCapacity = queueCapacity;
        this.responseTimeout = responseTimeout;
        this.retryThrottled = retryThrottled;
    }

    /**
     * Whether ESME_RTHROTTLED and ESME_RMSGQFUL answers to messages are retried in order after a
     * pause, each message {@link #MAX_THROTTLE_RETRIES} times at most.
     */
    public void retryThrottled(boolean retry) {
        retryThrottled = retry;
    }

    /**
     * Takes a request to send when there is room: false when both the window and the queue are full
     * (the caller refuses the request; nothing was kept).
     */
    public boolean offer(Request request) {
        if (queue.size() >= queueCapacity && inFlight.size() >= windowSize) {
            return false;
        }
        queue.add(request);
        return true;
    }

    /**
     * The next request to write now, or {@code null} when the window is full, sending is paused, or
     * nothing waits. Throttled requests go first; requests whose future is already done (cancelled
     * by the caller) are dropped.
     */
    public Request next(long nowNanos) {
        if (inFlight.size() >= windowSize || (paused && nowNanos - pausedUntilNanos < 0)) {
            return null;
        }
        paused = false;
        while (true) {
            Request next = retries.isEmpty() ? queue.poll() : retries.poll();
            if (next == null || !next.future().isDone()) {
                return next;
            }
        }
    }

    /** Records a request as written with its sequence number: it expires after the response timeout. */
    public void written(int sequenceNumber, Request request, long nowNanos) {
        inFlight.put(sequenceNumber, new InFlight(request, nowNanos + responseTimeout.toNanos()));
    }

    /**
     * Takes a request back from the window without an answer (its write failed, or its answer could
     * not be decoded); {@code null} when nothing with that sequence number is in flight.
     */
    public Request withdraw(int sequenceNumber) {
        InFlight taken = inFlight.remove(sequenceNumber);
        return taken == null ? null : taken.request();
    }

    /** The request in flight under a sequence number, or {@code null}. */
    public PduRequest<?> requestOf(int sequenceNumber) {
        InFlight waiting = inFlight.get(sequenceNumber);
        return waiting == null ? null : waiting.request().pdu();
    }

    /**
     * Matches an answer to its request and settles it: completes the future with the answer, fails
     * it with a {@link GenericNackException} for a generic_nack, or keeps it for a retry when the
     * peer throttles and throttled requests are retried.
     */
    public Answer answer(PduResponse response, long nowNanos) {
        InFlight taken = inFlight.remove(response.sequenceNumber());
        if (taken == null) {
            return Answer.UNMATCHED;
        }
        Request request = taken.request();
        if (response instanceof GenericNack nack && request.pdu().commandId() != CommandId.GENERIC_NACK) {
            request.future().completeExceptionally(new GenericNackException(nack.commandStatus()));
            return Answer.COMPLETED;
        }
        if (retryThrottled && isThrottle(response.commandStatus()) && isMessage(request.pdu().commandId())
                && request.throttleRetries() < MAX_THROTTLE_RETRIES) {
            retries.add(request.throttledOnce());
            pause(nowNanos);
            return Answer.RETRY_AFTER_PAUSE;
        }
        if (response.commandStatus() == 0) {
            throttleStreak = 0;
        }
        request.future().complete(response);
        return Answer.COMPLETED;
    }

    /** 200 ms after the first throttling answer, doubling per answer in a row, at most 10 s. */
    private void pause(long nowNanos) {
        long millis = pauseMillisFor(throttleStreak);
        throttleStreak++;
        paused = true;
        pausedUntilNanos = nowNanos + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    private static long pauseMillisFor(int streak) {
        return Math.min(LONGEST_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << Math.min(streak, 6));
    }

    /** How long the current pause lasts from its start; 0 when not paused. */
    public long pauseMillis() {
        return paused ? pauseMillisFor(throttleStreak - 1) : 0;
    }

    /**
     * Fails every request in flight whose response timeout has passed with a
     * {@link ResponseTimeoutException}; returns how many expired.
     */
    public int expire(long nowNanos) {
        int expired = 0;
        for (Iterator<InFlight> it = inFlight.values().iterator(); it.hasNext(); ) {
            InFlight waiting = it.next();
            if (nowNanos - waiting.deadlineNanos() >= 0) {
                it.remove();
                expired++;
                PduRequest<?> pdu = waiting.request().pdu();
                waiting.request().future().completeExceptionally(new ResponseTimeoutException(
                        pdu.commandId() + " seq " + pdu.sequenceNumber() + " got no response within " + responseTimeout));
            }
        }
        return expired;
    }

    /** Fails what waits to be sent (it never reached the peer, so it is safe to send elsewhere). */
    public void failUnsent(String why) {
        List<Request> failed = new ArrayList<>(retries);
        failed.addAll(queue);
        retries.clear();
        queue.clear();
        for (Request request : failed) {
            request.future().completeExceptionally(new RequestNotSentException(
                    why + " before " + request.pdu().commandId() + " was sent"));
        }
    }

    /** The session closed: fails what is in flight (it may have reached the peer) and what waits. */
    public void failAll() {
        List<InFlight> failed = new ArrayList<>(inFlight.values());
        inFlight.clear();
        for (InFlight waiting : failed) {
            waiting.request().future().completeExceptionally(new SessionClosedException(
                    "the session closed before " + waiting.request().pdu().commandId() + " was answered"));
        }
        failUnsent("the session closed");
    }

    /** Requests written and not answered yet. */
    public int inFlight() {
        return inFlight.size();
    }

    /** Requests waiting to be written, throttled ones included. */
    public int waiting() {
        return queue.size() + retries.size();
    }

    public int capacity() {
        return queueCapacity;
    }

    private static boolean isThrottle(int status) {
        return status == CommandStatus.ESME_RTHROTTLED.value() || status == CommandStatus.ESME_RMSGQFUL.value();
    }

    /** The requests that carry a message, whose throttling answers are worth a retry. */
    public static boolean isMessage(CommandId id) {
        return id == CommandId.SUBMIT_SM || id == CommandId.DATA_SM || id == CommandId.SUBMIT_MULTI
                || id == CommandId.DELIVER_SM;
    }
}
