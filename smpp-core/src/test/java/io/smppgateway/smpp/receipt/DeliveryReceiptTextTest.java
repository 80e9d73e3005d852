package io.smppgateway.smpp.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The receipt text we send to ESMEs, written out character by character. */
class DeliveryReceiptTextTest {

    private static final LocalDateTime SUBMITTED = LocalDateTime.of(2024, 7, 26, 10, 15, 59);
    private static final LocalDateTime DONE = LocalDateTime.of(2024, 7, 26, 10, 16, 2);

    @Test
    void deliveredReceiptIsAppendixBFormat() {
        DeliveryReceipt receipt = DeliveryReceipt.of("074b8a96-f983-4b0b-8079-4d4c8502ff02", FinalStatus.DELIVERED, 0,
                SUBMITTED, DONE, "Hello world, this is a longer message");

        assertEquals("id:074b8a96-f983-4b0b-8079-4d4c8502ff02"
                        + " sub:001"                     // one message submitted
                        + " dlvrd:001"                   // and it was delivered
                        + " submit date:2407261015"      // YYMMDDhhmm, seconds dropped
                        + " done date:2407261016"
                        + " stat:DELIVRD"
                        + " err:000"                     // three digits, zero padded
                        + " text:Hello world, this is",  // the first 20 characters
                receipt.toText());
    }

    @ParameterizedTest
    @CsvSource({
            "UNDELIVERED, 5,    dlvrd:000, stat:UNDELIV, err:005",
            "REJECTED,    69,   dlvrd:000, stat:REJECTD, err:069",
            "EXPIRED,     255,  dlvrd:000, stat:EXPIRED, err:255",
            "UNKNOWN,     0,    dlvrd:000, stat:UNKNOWN, err:000",
            "DELIVERED,   1234, dlvrd:001, stat:DELIVRD, err:1234"})
    void eachFinalStatusWritesItsStatWordAndErr(FinalStatus status, int err, String dlvrd, String stat, String errField) {
        String text = DeliveryReceipt.of("42", status, err, SUBMITTED, DONE, "hi").toText();

        assertEquals("id:42 sub:001 " + dlvrd + " submit date:2407261015 done date:2407261016 " + stat + " " + errField
                + " text:hi", text);
    }

    @Test
    void textIsCutToTwentyCharactersWithoutSplittingASurrogatePair() {
        String nineteenThenEmoji = "abcdefghijklmnopqrs\uD83D\uDE00tail";
        String twentyThenEmoji = "abcdefghijklmnopqrst\uD83D\uDE00";

        assertEquals("abcdefghijklmnopqrs\uD83D\uDE00", DeliveryReceipt.of("1", FinalStatus.DELIVERED, 0, SUBMITTED, DONE,
                nineteenThenEmoji).text());
        assertEquals("abcdefghijklmnopqrst", DeliveryReceipt.of("1", FinalStatus.DELIVERED, 0, SUBMITTED, DONE,
                twentyThenEmoji).text());
    }

    @Test
    void longTextInARecordIsCutWhenWritten() {
        DeliveryReceipt receipt = new DeliveryReceipt("1", 1, 1, SUBMITTED, DONE, "DELIVRD", "000", "x".repeat(50));

        assertEquals("id:1 sub:001 dlvrd:001 submit date:2407261015 done date:2407261016 stat:DELIVRD err:000 text:"
                + "x".repeat(20), receipt.toText());
    }

    @Test
    void unknownMessageTextLeavesTheTextFieldEmpty() {
        assertEquals("", DeliveryReceipt.of("1", FinalStatus.REJECTED, 0, SUBMITTED, DONE, null).text());
    }

    @Test
    void missingFieldsAreWrittenAsZeroValuesSoStrictParsersStillReadThem() {
        DeliveryReceipt sparse = new DeliveryReceipt("1", null, null, null, null, null, null, null);

        assertEquals("id:1 sub:000 dlvrd:000 submit date:0000000000 done date:0000000000 stat:UNKNOWN err:000 text:",
                sparse.toText());
    }

    @Test
    void shortNumericErrIsPaddedAndOtherErrKeptAsItIs() {
        assertEquals(" err:007 ", errField("7"));
        assertEquals(" err:0000 ", errField("0000"));
        assertEquals(" err:A1 ", errField("A1"));
    }

    private static String errField(String err) {
        String text = new DeliveryReceipt("1", 1, 1, SUBMITTED, DONE, "DELIVRD", err, "").toText();
        return text.substring(text.indexOf(" err:"), text.indexOf("text:"));
    }

    @Test
    void idMustBeAWord() {
        assertThrows(IllegalArgumentException.class, () -> new DeliveryReceipt(null, 1, 1, null, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new DeliveryReceipt("", 1, 1, null, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new DeliveryReceipt("12 34", 1, 1, null, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new DeliveryReceipt("12\u00A034", 1, 1, null, null, null, null, null));
    }

    @Test
    void countsMustNotBeNegative() {
        assertThrows(IllegalArgumentException.class, () -> new DeliveryReceipt("1", -1, 1, null, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new DeliveryReceipt("1", 1, -1, null, null, null, null, null));
    }

    @Test
    void statAndErrMustBeWords() {
        assertThrows(IllegalArgumentException.class, () -> new DeliveryReceipt("1", 1, 1, null, null, "DEL IVRD", null, null));
        assertThrows(IllegalArgumentException.class, () -> new DeliveryReceipt("1", 1, 1, null, null, "", null, null));
        assertThrows(IllegalArgumentException.class, () -> new DeliveryReceipt("1", 1, 1, null, null, null, "0 0", null));
    }

    @Test
    void errorCodeMustNotBeNegative() {
        assertThrows(IllegalArgumentException.class,
                () -> DeliveryReceipt.of("1", FinalStatus.REJECTED, -1, SUBMITTED, DONE, "hi"));
    }
}
