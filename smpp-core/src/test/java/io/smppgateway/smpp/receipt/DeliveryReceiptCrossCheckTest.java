package io.smppgateway.smpp.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our writer and reader against two independent implementations, cloudhopper-smpp's and jsmpp's
 * DeliveryReceipt, so that a mistake our writer and reader share cannot pass as a round trip.
 * Both are strict: a receipt they read is one every ESME built on them reads.
 */
class DeliveryReceiptCrossCheckTest {

    private static final LocalDateTime SUBMITTED = LocalDateTime.of(2024, 7, 26, 10, 15);
    private static final LocalDateTime DONE = LocalDateTime.of(2024, 12, 31, 23, 59);

    static Stream<Arguments> receiptsWeSend() {
        List<String> ids = List.of("0123456789", "074b8a96-f983-4b0b-8079-4d4c8502ff02", "FF00AB");
        List<String> texts = List.of("", "Hello", "Your code: 12:34 ok, thanks a lot");
        Stream.Builder<Arguments> all = Stream.builder();
        for (FinalStatus status : FinalStatus.values()) {
            for (int i = 0; i < ids.size(); i++) {
                all.add(Arguments.of(DeliveryReceipt.of(ids.get(i), status, i * 101, SUBMITTED, DONE, texts.get(i))));
            }
        }
        return all.build();
    }

    @ParameterizedTest
    @MethodSource("receiptsWeSend")
    void cloudhopperReadsWhatWeWrite(DeliveryReceipt ours) throws Exception {
        com.cloudhopper.smpp.util.DeliveryReceipt theirs =
                com.cloudhopper.smpp.util.DeliveryReceipt.parseShortMessage(ours.toText(), DateTimeZone.UTC);

        assertEquals(ours.id(), theirs.getMessageId());
        assertEquals(ours.submittedCount(), theirs.getSubmitCount());
        assertEquals(ours.deliveredCount(), theirs.getDeliveredCount());
        assertEquals(ours.submitDate(), local(theirs.getSubmitDate()));
        assertEquals(ours.doneDate(), local(theirs.getDoneDate()));
        assertEquals(ours.state().orElseThrow().value(), theirs.getState());
        assertEquals(ours.errorCode().orElseThrow(), theirs.getErrorCode());
        // cloudhopper reads an empty "text:" as no text.
        assertEquals(ours.text().isEmpty() ? null : ours.text(), theirs.getText());
    }

    @ParameterizedTest
    @MethodSource("receiptsWeSend")
    void jsmppReadsWhatWeWrite(DeliveryReceipt ours) throws Exception {
        org.jsmpp.bean.DeliveryReceipt theirs = new org.jsmpp.bean.DeliveryReceipt(ours.toText());

        assertEquals(ours.id(), theirs.getId());
        assertEquals(ours.submittedCount(), theirs.getSubmitted());
        assertEquals(ours.deliveredCount(), theirs.getDelivered());
        assertEquals(ours.submitDate(), local(theirs.getSubmitDate()));
        assertEquals(ours.doneDate(), local(theirs.getDoneDate()));
        assertEquals(ours.stat(), theirs.getFinalStatus().name());
        assertEquals(ours.err(), theirs.getError());
        assertEquals(ours.text(), theirs.getText());
    }

    /** cloudhopper's state bytes are the message_state values; 6 (ACCEPTED) and 1 (ENROUTE) included. */
    @ParameterizedTest
    @EnumSource(value = MessageState.class, names = {"ENROUTE", "DELIVERED", "EXPIRED", "DELETED", "UNDELIVERABLE",
            "ACCEPTED", "UNKNOWN", "REJECTED"})
    void weReadWhatCloudhopperWrites(MessageState state) {
        String text = new com.cloudhopper.smpp.util.DeliveryReceipt("a1b2c3", 1, 0,
                new DateTime(2024, 2, 29, 13, 45, DateTimeZone.UTC), new DateTime(2024, 3, 1, 0, 5, DateTimeZone.UTC),
                (byte) state.value(), 12, "some: text here").toShortMessage();

        DeliveryReceipt ours = DeliveryReceipt.parse(text).orElseThrow();

        assertEquals(new DeliveryReceipt("a1b2c3", 1, 0, LocalDateTime.of(2024, 2, 29, 13, 45),
                LocalDateTime.of(2024, 3, 1, 0, 5), state.statWord(), "012", "some: text here"), ours);
        assertEquals(state, ours.state().orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(DeliveryReceiptState.class)
    void weReadWhatJsmppWrites(DeliveryReceiptState jsmppState) {
        Date submitted = Date.from(SUBMITTED.atZone(ZoneId.systemDefault()).toInstant());
        Date done = Date.from(DONE.atZone(ZoneId.systemDefault()).toInstant());
        String text = new org.jsmpp.bean.DeliveryReceipt("0000123", 1, 1, submitted, done, jsmppState, "000",
                "text: with colon").toString();

        DeliveryReceipt ours = DeliveryReceipt.parse(text).orElseThrow();

        assertEquals(new DeliveryReceipt("0000123", 1, 1, SUBMITTED, DONE, jsmppState.name(), "000", "text: with colon"), ours);
        // jsmpp numbers its states its own way; its names are the stat words.
        assertEquals(jsmppState.name(), ours.state().orElseThrow().statWord());
    }

    private static LocalDateTime local(DateTime utc) {
        return LocalDateTime.of(utc.getYear(), utc.getMonthOfYear(), utc.getDayOfMonth(), utc.getHourOfDay(), utc.getMinuteOfHour(),
                utc.getSecondOfMinute());
    }

    private static LocalDateTime local(Date date) {
        return LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
    }
}
