package io.smppgateway.smpp.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageStateTest {

    /** SMPP 5.0, section 4.8.4.37, and the stat words of SMPP 3.4 Appendix B (the last three are ours or de facto). */
    @ParameterizedTest
    @CsvSource({
            "SCHEDULED,     0, SCHEDUL",
            "ENROUTE,       1, ENROUTE",
            "DELIVERED,     2, DELIVRD",
            "EXPIRED,       3, EXPIRED",
            "DELETED,       4, DELETED",
            "UNDELIVERABLE, 5, UNDELIV",
            "ACCEPTED,      6, ACCEPTD",
            "UNKNOWN,       7, UNKNOWN",
            "REJECTED,      8, REJECTD",
            "SKIPPED,       9, SKIPPED"})
    void valuesAndStatWordsAreTheSpecs(MessageState state, int value, String statWord) {
        assertEquals(value, state.value());
        assertEquals(statWord, state.statWord());
        assertEquals(Optional.of(state), MessageState.of(value));
    }

    @Test
    void everyStateIsListedOnce() {
        assertEquals(10, MessageState.values().length);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 10, 11, 0xFF, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void undefinedValueHasNoState(int value) {
        assertEquals(Optional.empty(), MessageState.of(value));
    }

    @ParameterizedTest
    @EnumSource(MessageState.class)
    void everyStatWordReadsBackAsItsStateAndFitsTheSevenOctetField(MessageState state) {
        assertEquals(Optional.of(state), MessageState.fromStatWord(state.statWord()));
        assertEquals(7, state.statWord().length());
    }

    @ParameterizedTest
    @CsvSource({
            "DELIVRD, DELIVERED", "delivrd, DELIVERED", "Delivrd, DELIVERED", "DELIVERED, DELIVERED",
            "delivered, DELIVERED", "DELIVERD, DELIVERED",
            "UNDELIV, UNDELIVERABLE", "UNDELIVERABLE, UNDELIVERABLE", "undelivered, UNDELIVERABLE",
            "FAILED, UNDELIVERABLE", "failed, UNDELIVERABLE",
            "ACCEPTD, ACCEPTED", "ACCEPTED, ACCEPTED", "ACKED, ACCEPTED", "acked, ACCEPTED",
            "ENROUTE, ENROUTE", "EN_ROUTE, ENROUTE", "en-route, ENROUTE", "BUFFRED, ENROUTE", "BUFFERD, ENROUTE",
            "BUFFERED, ENROUTE",
            "REJECTD, REJECTED", "REJECTED, REJECTED", "rejected, REJECTED",
            "EXPIRED, EXPIRED", "expired, EXPIRED",
            "DELETED, DELETED", "UNKNOWN, UNKNOWN", "SKIPPED, SKIPPED", "SCHEDUL, SCHEDULED", "SCHEDULED, SCHEDULED",
            "'  DELIVRD  ', DELIVERED",
            "2, DELIVERED", "9, SKIPPED", "005, UNDELIVERABLE"})
    void readsStandardAndFieldStatWords(String word, MessageState expected) {
        assertEquals(Optional.of(expected), MessageState.fromStatWord(word));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "DDDDDDD", "OK", "DELIV", "10", "1234", "-1", "\u0000", "Ｄ"})
    void unrecognisedStatWordHasNoState(String word) {
        assertEquals(Optional.empty(), MessageState.fromStatWord(word));
    }

    @Test
    void onlyScheduledEnrouteAndAcceptedAreIntermediate() {
        EnumSet<MessageState> intermediate = EnumSet.of(MessageState.SCHEDULED, MessageState.ENROUTE, MessageState.ACCEPTED);
        for (MessageState state : MessageState.values()) {
            if (intermediate.contains(state)) {
                assertFalse(state.isFinal(), state.name());
            } else {
                assertTrue(state.isFinal(), state.name());
            }
        }
    }
}
