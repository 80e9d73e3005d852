package io.smppgateway.smpp.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Receipts as SMSCs send them: the spec's example, and variants met in the field (sources in each test). */
class DeliveryReceiptParseTest {

    private static DeliveryReceipt parse(String text) {
        return DeliveryReceipt.parse(text).orElseThrow(() -> new AssertionError("no receipt in [" + text + "]"));
    }

    private static void assertReceipt(DeliveryReceipt expected, String text) {
        assertEquals(expected, parse(text));
    }

    @Test
    void specExampleLiterallyKeepsItsPlaceholdersAsUnreadableFields() {
        // SMPP 3.4 Appendix B, as printed: "Text:" capitalised, placeholders instead of values.
        assertReceipt(new DeliveryReceipt("IIIIIIIIII", null, null, null, null, "DDDDDDD", "E", " . . . . . . . . ."),
                "id:IIIIIIIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E Text: . . . . . . . . .");
    }

    @Test
    void specFormatWithValues() {
        assertReceipt(new DeliveryReceipt("1234567890", 1, 1, LocalDateTime.of(2006, 10, 19, 10, 18),
                        LocalDateTime.of(2006, 10, 19, 10, 20), "DELIVRD", "000", "Hello"),
                "id:1234567890 sub:001 dlvrd:001 submit date:0610191018 done date:0610191020 stat:DELIVRD err:000 text:Hello");
    }

    @Test
    void missingSubAndDlvrd() {
        // opentelecoms-org/jsmpp #62: "they omit two fields which DeliveryReceipt expects (sub and dlvrd)".
        assertReceipt(new DeliveryReceipt("1526758174", null, null, LocalDateTime.of(2017, 1, 24, 9, 4),
                        LocalDateTime.of(2017, 1, 24, 9, 4), "DELIVRD", "000", "hellow"),
                "id:1526758174 submit date:1701240904 done date:1701240904 stat:DELIVRD err:000 text:hellow");
    }

    @Test
    void missingSubAndDlvrdAndTextWithLeadingZeroIdKeptAsSent() {
        // uudashr/jsmpp #67.
        assertReceipt(new DeliveryReceipt("0654354026", null, null, LocalDateTime.of(2023, 2, 10, 14, 54),
                        LocalDateTime.of(2023, 2, 10, 14, 54), "DELIVRD", "000", null),
                "id:0654354026 submit date:2302101454 done date:2302101454 stat:DELIVRD err:000");
    }

    @Test
    void missingSubOnly() {
        // twitter-archive/cloudhopper-smpp #105: "Unable to find [sub] field".
        DeliveryReceipt receipt = parse("id:98765 dlvrd:001 submit date:1506101200 done date:1506101201 stat:DELIVRD err:000 text:x");
        assertNull(receipt.submittedCount());
        assertEquals(1, receipt.deliveredCount());
        assertEquals(Optional.of(MessageState.DELIVERED), receipt.state());
    }

    @Test
    void hexIdAndTwelveDigitDatesWithEmptyText() {
        // jookies/jasmin #70, a Clickatell receipt.
        assertReceipt(new DeliveryReceipt("a29f6845555647139e5c8f3b817f2c9a", 1, 1,
                        LocalDateTime.of(2014, 10, 23, 21, 52, 53), LocalDateTime.of(2014, 10, 23, 21, 52, 59),
                        "DELIVRD", "000", ""),
                "id:a29f6845555647139e5c8f3b817f2c9a sub:001 dlvrd:001 submit date:141023215253 done date:141023215259 stat:DELIVRD err:000 text:");
    }

    @Test
    void fourDigitErr() {
        // onlinecity/php-smpp #70.
        DeliveryReceipt receipt = parse("id:117062714244798261 sub:001 dlvrd:001 submit date:1706271624 done date:1706271624 stat:DELIVRD err:0000 text:Hello world");
        assertEquals("117062714244798261", receipt.id());
        assertEquals("0000", receipt.err());
        assertEquals(OptionalInt.of(0), receipt.errorCode());
        assertEquals("Hello world", receipt.text());
    }

    @Test
    void keysWithoutSpaceAndAnImpossibleDoneDate() {
        // OpenMarket's documented example, decoded from its hex: "submitdate", "donedate", a date of zeros.
        assertReceipt(new DeliveryReceipt("0118Z-0122I-2309U-57DGB", 0, 0, LocalDateTime.of(2018, 1, 22, 23, 9, 57),
                        null, "REJECTD", "375", ""),
                "id:0118Z-0122I-2309U-57DGB sub:000 dlvrd:000 submitdate:180122230957 donedate:000000000000 stat:REJECTD err:375 text:");
    }

    @Test
    void datesInSmppAbsoluteTimeFormatKeepTheirLocalTime() {
        // funbox/smppex #46: YYMMDDhhmmss, tenths, quarter hours from UTC, sign.
        assertReceipt(new DeliveryReceipt("rdwjwxns18krxr9936ey96ymcw", 0, 0, LocalDateTime.of(2018, 7, 11, 7, 0, 3),
                        LocalDateTime.of(2018, 7, 11, 7, 0, 0), "UNDELIV", "000", null),
                "id:rdwjwxns18krxr9936ey96ymcw sub:000 dlvrd:000 submit date:180711070003912+ done date:180711070000012+ stat:UNDELIV err:000");
    }

    @Test
    void leadingZeroIdAndTextNone() {
        // Nexmo's documented example.
        DeliveryReceipt receipt = parse("id:0000000012345678 sub:001 dlvrd:001 submit date:1601010100 done date:1601010101 stat:DELIVRD err:000 text:none");
        assertEquals("0000000012345678", receipt.id());
        assertEquals("none", receipt.text());
    }

    @Test
    void upperCaseKeys() {
        assertReceipt(new DeliveryReceipt("7E3A", 1, 0, LocalDateTime.of(2024, 1, 2, 3, 4), LocalDateTime.of(2024, 1, 2, 3, 5),
                        "UNDELIV", "001", "ABC"),
                "ID:7E3A SUB:001 DLVRD:000 SUBMIT DATE:2401020304 DONE DATE:2401020305 STAT:UNDELIV ERR:001 TEXT:ABC");
    }

    @Test
    void mixedCaseKeysAndLowerCaseStat() {
        DeliveryReceipt receipt = parse("Id:55 Sub:001 Dlvrd:001 Submit Date:2401020304 Done Date:2401020305 Stat:delivrd Err:000 Text:ok");
        assertEquals("55", receipt.id());
        assertEquals("delivrd", receipt.stat());
        assertEquals(Optional.of(MessageState.DELIVERED), receipt.state());
        assertEquals(LocalDateTime.of(2024, 1, 2, 3, 5), receipt.doneDate());
    }

    @Test
    void ackedIsAcceptedAndNotFinal() {
        // mBlox's extra states, opentelecoms-org/jsmpp #9: ACKED, BUFFRED, FAILED.
        DeliveryReceipt acked = parse("id:100 sub:001 dlvrd:000 submit date:2401020304 done date:2401020304 stat:ACKED err:000 text:");
        assertEquals("ACKED", acked.stat());
        assertEquals(Optional.of(MessageState.ACCEPTED), acked.state());
        assertEquals(Optional.empty(), FinalStatus.of(acked.state().orElseThrow()));

        assertEquals(Optional.of(MessageState.ENROUTE), parse("id:100 stat:BUFFRED err:000").state());
        assertEquals(Optional.of(FinalStatus.UNDELIVERED), FinalStatus.ofStatWord(parse("id:100 stat:FAILED err:012").stat()));
    }

    @Test
    void textMayHoldSpacesColonsAndWhatLooksLikeKeys() {
        DeliveryReceipt receipt = parse("id:321 sub:001 dlvrd:001 submit date:2401020304 done date:2401020305 stat:DELIVRD err:000"
                + " text:Your code: 1234 id:999 stat:UNDELIV at 10:30");
        assertEquals("321", receipt.id());
        assertEquals("DELIVRD", receipt.stat());
        assertEquals("Your code: 1234 id:999 stat:UNDELIV at 10:30", receipt.text());
    }

    @Test
    void extraVendorFieldsDoNotRunIntoTheirNeighbours() {
        DeliveryReceipt receipt = parse("network:23415 id:77 sub:001 dlvrd:001 submit date:2401020304 done date:2401020305"
                + " stat:DELIVRD err:000 mcc:234 mnc:15 imsi:234150000000000 text:hi");
        assertEquals("77", receipt.id());
        assertEquals("000", receipt.err());
        assertEquals(LocalDateTime.of(2024, 1, 2, 3, 5), receipt.doneDate());
        assertEquals("hi", receipt.text());
    }

    @Test
    void uuidId() {
        assertEquals("074b8a96-f983-4b0b-8079-4d4c8502ff02",
                parse("id:074b8a96-f983-4b0b-8079-4d4c8502ff02 sub:001 dlvrd:001 stat:DELIVRD err:000").id());
    }

    @Test
    void spaceAfterTheColonOfId() {
        assertEquals("12345", parse("id: 12345 sub:001 dlvrd:001 stat:DELIVRD").id());
    }

    @Test
    void commaSeparatedFields() {
        DeliveryReceipt receipt = parse("id:123,sub:001,dlvrd:001,submit date:2401020304,done date:2401020305,stat:DELIVRD,err:000,text:a, b");
        assertEquals(new DeliveryReceipt("123", 1, 1, LocalDateTime.of(2024, 1, 2, 3, 4), LocalDateTime.of(2024, 1, 2, 3, 5),
                "DELIVRD", "000", "a, b"), receipt);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2401020304       | 2024-01-02T03:04",
            "240102030405     | 2024-01-02T03:04:05",
            "20240102030405   | 2024-01-02T03:04:05",
            "2024-01-02 03:04:05 | 2024-01-02T03:04:05",
            "240102030405012+ | 2024-01-02T03:04:05",
            "240102030405016- | 2024-01-02T03:04:05"})
    void dateForms(String date, LocalDateTime expected) {
        assertEquals(expected, parse("id:1 submit date:" + date + " done date:" + date + " stat:DELIVRD").doneDate());
        assertEquals(expected, parse("id:1 submit date:" + date + " done date:" + date + " stat:DELIVRD").submitDate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2413020304", "2402300304", "2401022504", "0000000000", "123", "24010203", "tomorrow", "240102030405R"})
    void impossibleOrUnknownDateIsAbsentAndTheRestStillRead(String date) {
        DeliveryReceipt receipt = parse("id:1 sub:001 dlvrd:001 submit date:" + date + " done date:2401020305 stat:DELIVRD err:000 text:t");
        assertNull(receipt.submitDate());
        assertEquals(LocalDateTime.of(2024, 1, 2, 3, 5), receipt.doneDate());
        assertEquals("DELIVRD", receipt.stat());
    }

    @Test
    void unreadableCountsAreAbsent() {
        DeliveryReceipt receipt = parse("id:1 sub:one dlvrd:99999999999 stat:DELIVRD");
        assertNull(receipt.submittedCount());
        assertNull(receipt.deliveredCount());
    }

    @Test
    void firstOfARepeatedKeyWins() {
        assertEquals("first", parse("id:first id:second stat:DELIVRD").id());
    }

    @Test
    void textKeyWithNothingAfterItIsEmptyAndNoTextKeyIsAbsent() {
        assertEquals("", parse("id:1 stat:DELIVRD text:").text());
        assertNull(parse("id:1 stat:DELIVRD").text());
    }

    @Test
    void cStringTerminatorsAfterTheTextAreDropped() {
        assertEquals("hi", parse("id:1 stat:DELIVRD err:000 text:hi\u0000\u0000").text());
    }

    @Test
    void multiLineReceipt() {
        DeliveryReceipt receipt = parse("id:1\nsub:001\ndlvrd:001\nsubmit date:2401020304\ndone date:2401020305\nstat:DELIVRD\nerr:000");
        assertEquals(1, receipt.deliveredCount());
        assertEquals("DELIVRD", receipt.stat());
    }

    @Test
    void garbageAroundAnIdStillNamesTheMessage() {
        assertEquals("ABC123", parse("\u0001\u0002###id:ABC123##stat=??").id());
        assertEquals("0x1F", parse("junk;;;msgid:0x1F>>>").id());
    }

    @Test
    void emptyIdFallsBackToAnIdLaterInTheText() {
        assertEquals("42", parse("id: sub:001 stat:DELIVRD text:ref id:42").id());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "hello world", "sub:001 dlvrd:001 stat:DELIVRD err:000", "id:", "id:   ", "id:\u0001\u0002",
            "identity", "\u0000\u0000"})
    void noIdMeansNoReceipt(String text) {
        assertEquals(Optional.empty(), DeliveryReceipt.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"000, 0", "0000, 0", "375, 375", "1, 1", "0x1F, 31", "0XFF, 255", "0000000000012, 12"})
    void numericErr(String err, int code) {
        assertEquals(OptionalInt.of(code), parse("id:1 err:" + err).errorCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"E", "A1B", "0x", "0xZZ", "99999999999", "-1", "1.5"})
    void nonNumericErrIsKeptButHasNoCode(String err) {
        DeliveryReceipt receipt = parse("id:1 err:" + err);
        assertEquals(err, receipt.err());
        assertEquals(OptionalInt.empty(), receipt.errorCode());
    }

    @Test
    void missingErrHasNoCode() {
        assertNull(parse("id:1 stat:DELIVRD").err());
        assertEquals(OptionalInt.empty(), parse("id:1 stat:DELIVRD").errorCode());
    }
}
