package io.smppgateway.smpp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.EnquireLink;
import io.smppgateway.smpp.pdu.EnquireLinkResp;
import io.smppgateway.smpp.pdu.GenericNack;
import io.smppgateway.smpp.pdu.PduRequest;
import io.smppgateway.smpp.pdu.PduResponse;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The request window as a table: what goes out next, what an answer does, when requests expire. Without Netty. */
class RequestWindowTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int THROTTLED = CommandStatus.ESME_RTHROTTLED.value();

    private final RequestWindow window = new RequestWindow(2, 1, Duration.ofSeconds(30), true);
    private int sequence;

    private static RequestWindow.Request submit(String text) {
        return new RequestWindow.Request(SubmitSm.builder().source(5, 0, "Sender").destination(1, 1, "380991234567")
                .shortMessage(text.getBytes(StandardCharsets.ISO_8859_1)).build(), new CompletableFuture<>());
    }

    private static RequestWindow.Request enquireLink() {
        return new RequestWindow.Request(new EnquireLink(1), new CompletableFuture<>());
    }

    /** Takes the next request at {@code now} and records it as written; returns its sequence number. */
    private int writeNext(long now) {
        RequestWindow.Request next = window.next(now);
        int number = ++sequence;
        window.written(number, next, now);
        return number;
    }

    private static String textOf(RequestWindow.Request request) {
        return new String(((SubmitSm) request.pdu()).shortMessage().toByteArray(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void requestsBeyondTheWindowWaitAndBeyondTheQueueAreRefused() {
        assertTrue(window.offer(submit("a")));
        assertTrue(window.offer(submit("b")));
        writeNext(0);
        writeNext(0);
        assertTrue(window.offer(submit("c")), "the queue holds one while the window is full");
        assertFalse(window.offer(submit("d")), "window and queue are full");

        assertNull(window.next(0), "nothing goes out while two are in flight");
        assertEquals(2, window.inFlight());
        assertEquals(1, window.waiting());
    }

    @Test
    void anAnswerMakesRoomForTheNextRequest() {
        RequestWindow.Request first = submit("a");
        window.offer(first);
        window.offer(submit("b"));
        window.offer(submit("c"));
        int firstNumber = writeNext(0);
        writeNext(0);

        PduResponse answer = new SubmitSmResp(0, firstNumber, "id-1", null);
        assertEquals(RequestWindow.Answer.COMPLETED, window.answer(answer, 0));

        assertSame(answer, first.future().join());
        assertEquals("c", textOf(window.next(0)));
    }

    @Test
    void anAnswerToNothingInFlightIsUnmatched() {
        assertEquals(RequestWindow.Answer.UNMATCHED, window.answer(new SubmitSmResp(0, 99, "x", null), 0));
    }

    @Test
    void aThrottledMessageIsSentAgainFirstAfterThePause() {
        RequestWindow.Request throttled = submit("throttled");
        window.offer(throttled);
        int number = writeNext(0);
        window.offer(submit("queued"));

        assertEquals(RequestWindow.Answer.RETRY_AFTER_PAUSE, window.answer(new SubmitSmResp(THROTTLED, number, "", null), 0));

        assertFalse(throttled.future().isDone(), "a throttled request is kept, not failed");
        assertEquals(200, window.pauseMillis());
        assertNull(window.next(199 * MS), "paused");
        assertEquals("throttled", textOf(window.next(200 * MS)), "the retry goes before what was queued");
    }

    @ParameterizedTest(name = "throttled {0} times in a row: pause {1} ms")
    @CsvSource({"1, 200", "2, 400", "3, 800", "4, 1600", "5, 3200", "6, 6400", "7, 10000", "12, 10000"})
    void pausesDoubleWithEveryThrottlingAnswerInARow(int times, long pauseMillis) {
        long now = 0;
        for (int i = 0; i < times; i++) {
            window.offer(submit("m"));
            int number = writeNext(now);
            window.answer(new SubmitSmResp(THROTTLED, number, "", null), now);
            now += TimeUnit.MILLISECONDS.toNanos(window.pauseMillis());
            window.failUnsent("test");
        }
        assertEquals(pauseMillis, window.pauseMillis());
    }

    @Test
    void aMessageThrottledBeyondItsRetriesIsHandedBackWithTheThrottlingAnswer() {
        RequestWindow.Request request = submit("busy");
        window.offer(request);
        long now = 0;
        for (int retry = 0; retry < RequestWindow.MAX_THROTTLE_RETRIES; retry++) {
            assertEquals(RequestWindow.Answer.RETRY_AFTER_PAUSE,
                    window.answer(new SubmitSmResp(THROTTLED, writeNext(now), "", null), now), "retry " + retry);
            now += TimeUnit.MILLISECONDS.toNanos(window.pauseMillis());
        }

        assertEquals(RequestWindow.Answer.COMPLETED, window.answer(new SubmitSmResp(THROTTLED, writeNext(now), "", null), now));
        assertEquals(THROTTLED, request.future().join().commandStatus(), "the caller decides what comes next");
        assertEquals(0, window.waiting());
    }

    @Test
    void anAcceptedMessageEndsTheThrottlingStreak() {
        window.offer(submit("a"));
        window.answer(new SubmitSmResp(THROTTLED, writeNext(0), "", null), 0);
        window.answer(new SubmitSmResp(0, writeNext(200 * MS), "id", null), 200 * MS);

        window.offer(submit("b"));
        window.answer(new SubmitSmResp(THROTTLED, writeNext(200 * MS), "", null), 200 * MS);

        assertEquals(200, window.pauseMillis(), "the streak started again");
    }

    @Test
    void withoutRetriesAThrottlingAnswerCompletesTheRequest() {
        window.retryThrottled(false);
        RequestWindow.Request request = submit("a");
        window.offer(request);

        assertEquals(RequestWindow.Answer.COMPLETED, window.answer(new SubmitSmResp(THROTTLED, writeNext(0), "", null), 0));
        assertEquals(THROTTLED, request.future().join().commandStatus());
        assertEquals(0, window.pauseMillis());
    }

    @Test
    void aThrottledRequestThatCarriesNoMessageIsNotRetried() {
        RequestWindow.Request request = enquireLink();
        window.offer(request);

        assertEquals(RequestWindow.Answer.COMPLETED,
                window.answer(new EnquireLinkResp(THROTTLED, writeNext(0)), 0));
        assertTrue(request.future().isDone());
    }

    @Test
    void aGenericNackFailsTheRequestWithItsStatus() {
        RequestWindow.Request request = submit("a");
        window.offer(request);

        window.answer(new GenericNack(CommandStatus.ESME_RINVCMDLEN.value(), writeNext(0)), 0);

        CompletionException failure = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                () -> request.future().join());
        GenericNackException nack = assertInstanceOf(GenericNackException.class, failure.getCause());
        assertEquals(CommandStatus.ESME_RINVCMDLEN.value(), nack.commandStatus());
    }

    @Test
    void requestsExpireAtTheirResponseTimeout() {
        RequestWindow.Request early = submit("early");
        RequestWindow.Request late = submit("late");
        window.offer(early);
        writeNext(0);
        window.offer(late);
        writeNext(10_000 * MS);

        assertEquals(0, window.expire(29_999 * MS));
        assertEquals(1, window.expire(30_000 * MS));
        assertInstanceOf(ResponseTimeoutException.class, failureOf(early));
        assertFalse(late.future().isDone());
        assertEquals(1, window.inFlight());
    }

    @Test
    void aRequestItsCallerGaveUpOnIsNotSent() {
        RequestWindow.Request cancelled = submit("cancelled");
        window.offer(cancelled);
        window.offer(submit("wanted"));
        cancelled.future().cancel(false);

        assertEquals("wanted", textOf(window.next(0)));
    }

    @Test
    void closingFailsWhatIsInFlightAsMaybeSentAndWhatWaitsAsNotSent() {
        RequestWindow.Request sent = submit("sent");
        RequestWindow.Request waiting = submit("waiting");
        window.offer(sent);
        writeNext(0);
        window.offer(waiting);

        window.failAll();

        assertInstanceOf(SessionClosedException.class, failureOf(sent));
        assertInstanceOf(RequestNotSentException.class, failureOf(waiting));
        assertEquals(0, window.inFlight());
        assertEquals(0, window.waiting());
    }

    @Test
    void aWithdrawnRequestLeavesTheWindow() {
        RequestWindow.Request request = submit("a");
        window.offer(request);
        int number = writeNext(0);

        assertSame(request, window.withdraw(number));
        assertNull(window.withdraw(number));
        assertEquals(0, window.inFlight());
    }

    private static Throwable failureOf(RequestWindow.Request request) {
        PduRequest<?> pdu = request.pdu();
        assertTrue(request.future().isCompletedExceptionally(), pdu.commandId() + " should have failed");
        return request.future().handle((response, failure) -> failure).join();
    }
}
