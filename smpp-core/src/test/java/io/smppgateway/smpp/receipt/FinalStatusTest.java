package io.smppgateway.smpp.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class FinalStatusTest {

    /** The table in FinalStatus's comment and in docs/delivery-receipts.md; an empty status means keep waiting. */
    @ParameterizedTest
    @CsvSource({
            "DELIVERED,     delivered",
            "UNDELIVERABLE, undelivered",
            "SKIPPED,       undelivered",
            "REJECTED,      rejected",
            "DELETED,       rejected",
            "EXPIRED,       expired",
            "UNKNOWN,       unknown",
            "SCHEDULED,",
            "ENROUTE,",
            "ACCEPTED,"})
    void receivedStateMapsToTheEventStatus(MessageState state, String status) {
        assertEquals(Optional.ofNullable(status), FinalStatus.of(state).map(FinalStatus::value));
    }

    @ParameterizedTest
    @EnumSource(MessageState.class)
    void aStateSettlesTheMessageExactlyWhenItIsFinal(MessageState state) {
        assertEquals(state.isFinal(), FinalStatus.of(state).isPresent());
    }

    @ParameterizedTest
    @CsvSource({
            "delivered,   DELIVERED,     DELIVRD",
            "undelivered, UNDELIVERABLE, UNDELIV",
            "rejected,    REJECTED,      REJECTD",
            "expired,     EXPIRED,       EXPIRED",
            "unknown,     UNKNOWN,       UNKNOWN"})
    void eventStatusMapsToTheReceiptWeSend(String value, MessageState state, String statWord) {
        FinalStatus status = FinalStatus.of(value).orElseThrow();
        assertEquals(value, status.value());
        assertEquals(state, status.messageState());
        assertEquals(statWord, status.statWord());
    }

    @ParameterizedTest
    @EnumSource(FinalStatus.class)
    void theReceiptWeSendReadsBackAsTheSameStatus(FinalStatus status) {
        assertEquals(Optional.of(status), FinalStatus.of(status.messageState()));
        assertEquals(Optional.of(status), FinalStatus.ofStatWord(status.statWord()));
        assertTrue(status.value().length() <= 11, "the manual's status field holds 11 characters");
    }

    @Test
    void eventStatusIsReadInAnyCase() {
        assertEquals(Optional.of(FinalStatus.DELIVERED), FinalStatus.of("Delivered"));
        assertEquals(Optional.of(FinalStatus.EXPIRED), FinalStatus.of(" EXPIRED "));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "sent", "DELIVRD", "failed", "deliver"})
    void otherEventStatusIsNotFinal(String value) {
        assertEquals(Optional.empty(), FinalStatus.of(value));
    }

    @ParameterizedTest
    @CsvSource({
            "DELIVRD, delivered", "UNDELIV, undelivered", "FAILED, undelivered", "SKIPPED, undelivered",
            "DELETED, rejected", "REJECTD, rejected", "EXPIRED, expired", "UNKNOWN, unknown",
            "ACKED,", "ACCEPTD,", "BUFFRED,", "ENROUTE,", "SCHEDUL,",
            "DDDDDDD, unknown", "'', unknown"})
    void statWordMapsToTheEventStatusAndUnrecognisedIsUnknown(String word, String status) {
        assertEquals(Optional.ofNullable(status), FinalStatus.ofStatWord(word).map(FinalStatus::value));
    }

    @Test
    void missingStatWordIsUnknown() {
        assertEquals(Optional.of(FinalStatus.UNKNOWN), FinalStatus.ofStatWord(null));
    }
}
