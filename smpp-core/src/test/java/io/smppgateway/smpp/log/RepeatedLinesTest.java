package io.smppgateway.smpp.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RepeatedLinesTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RepeatedLines lines = new RepeatedLines(3, Duration.ofMinutes(1), 4, now::get);

    private void advanceSeconds(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    void theFirstLinesOfAKindAreWrittenAndTheRestCounted() {
        int written = 0;
        for (int i = 0; i < 1_000; i++) {
            if (lines.take("invalid PDU from 10.0.0.1") >= 0) {
                written++;
            }
        }
        assertEquals(3, written);
    }

    @Test
    void theFirstLineOfTheNextWindowSaysHowManyWereSkipped() {
        for (int i = 0; i < 10; i++) {
            lines.take("k");
        }
        advanceSeconds(61);
        assertEquals(7, lines.take("k"));
        assertEquals(0, lines.take("k"));
    }

    @Test
    void endedWindowsComeBackAsSummariesOnce() {
        for (int i = 0; i < 5; i++) {
            lines.take("a");
        }
        lines.take("b");
        advanceSeconds(61);
        assertEquals(List.of(new RepeatedLines.Summary("a", 2)), lines.drainEnded());
        advanceSeconds(2);
        assertEquals(List.of(), lines.drainEnded());
    }

    @Test
    void summariesAreLookedForAtMostOnceASecond() {
        RepeatedLines shortWindows = new RepeatedLines(3, Duration.ofMillis(100), 4, now::get);
        for (int i = 0; i < 5; i++) {
            shortWindows.take("a");
        }
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(200));
        assertEquals(List.of(new RepeatedLines.Summary("a", 2)), shortWindows.drainEnded());
        for (int i = 0; i < 5; i++) {
            shortWindows.take("b");
        }
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(200));
        assertEquals(List.of(), shortWindows.drainEnded(), "looked again within a second of the last look");
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertEquals(List.of(new RepeatedLines.Summary("b", 2)), shortWindows.drainEnded());
    }

    @Test
    void kindsBeyondTheBoundShareOneBudget() {
        for (int key = 0; key < 4; key++) {
            lines.take("peer " + key);
        }
        int written = 0;
        for (int key = 4; key < 100; key++) {
            if (lines.take("peer " + key) >= 0) {
                written++;
            }
        }
        assertEquals(3, written, "the 96 new kinds share the budget of one");
    }

    @Test
    void windowsOfKindsThatWentQuietMakeRoomForNewKinds() {
        for (int key = 0; key < 4; key++) {
            lines.take("peer " + key);
        }
        advanceSeconds(61);
        int written = 0;
        for (int key = 4; key < 8; key++) {
            if (lines.take("peer " + key) >= 0) {
                written++;
            }
        }
        assertEquals(4, written);
    }
}
