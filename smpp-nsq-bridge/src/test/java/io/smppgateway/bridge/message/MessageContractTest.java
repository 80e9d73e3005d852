package io.smppgateway.bridge.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.smpp.receipt.FinalStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The four topics' JSON, exactly as the manual's examples write and read it. */
class MessageContractTest {

    @Test
    void readsTheManualsSmsOutExample() {
        SmsOut sms = SmsOut.parse("""
                {
                "smsc_id":"mysmsc-id-example",
                "msg_id":"074b8a96-f983-4b0b-8079-4d4c8502ff02",
                "sender":"Mysender",
                "receiver":"390991234567",
                "message":"I am test SMS message"
                }""");
        assertEquals(new SmsOut("mysmsc-id-example", "074b8a96-f983-4b0b-8079-4d4c8502ff02", "Mysender",
                "390991234567", "I am test SMS message", null, null, null, null), sms);
        assertEquals(false, sms.isSegment());
    }

    @Test
    void readsTheManualsMultipartSegment() {
        SmsOut part = SmsOut.parse("""
                {"smsc_id":"mysmsc-id-example","msg_id":"3c02d014-512a-40ff-ad10-525308235cd7","sender":"Mysender",
                "receiver":"390991234567","message":"years old.","data_coding": 0,"part_number": 2,"total_parts": 2,
                "reference": 123}""");
        assertEquals(2, part.partNumber());
        assertEquals(2, part.totalParts());
        assertEquals(123, part.reference());
        assertEquals(0, part.dataCoding());
        assertTrue(part.isSegment());
    }

    @Test
    void reportsEveryBadFieldOfAnSmsOutAtOnce() {
        InvalidMessageException error = assertThrows(InvalidMessageException.class, () -> SmsOut.parse("""
                {"smsc_id": 5, "msg_id": "m-1", "receiver": "3809912345678901234", "message": "hi",
                 "data_coding": 9, "part_number": 3, "total_parts": 2}"""));
        assertEquals("m-1", error.msgId());
        assertEquals("must be a string", error.fieldErrors().get("smsc_id"));
        assertEquals("required", error.fieldErrors().get("sender"));
        assertEquals("max 15 characters", error.fieldErrors().get("receiver"));
        assertEquals("max 8", error.fieldErrors().get("data_coding"));
        assertEquals("must not exceed total_parts", error.fieldErrors().get("part_number"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"380991234567", "+380991234567", "1", "+12345678901234"})
    void takesAReceiverOfDigitsWithAnOptionalLeadingPlus(String receiver) {
        assertEquals(receiver, SmsOut.parse(smsOutTo(receiver)).receiver());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"38099123456x", "+", "++380991", "380+991", " 380991",
            "38099 1234", "\u0663\u0668\u0660"})
    void refusesAReceiverThatIsNoPhoneNumber(String receiver) {
        InvalidMessageException error = assertThrows(InvalidMessageException.class,
                () -> SmsOut.parse(smsOutTo(receiver)));
        assertEquals("must be a phone number (digits, optionally a leading +)", error.fieldErrors().get("receiver"));
    }

    private static String smsOutTo(String receiver) {
        JsonObject body = new JsonObject();
        body.addProperty("smsc_id", "s");
        body.addProperty("msg_id", "m-1");
        body.addProperty("sender", "Me");
        body.addProperty("receiver", receiver);
        body.addProperty("message", "hi");
        return body.toString();
    }

    @Test
    void bodyThatIsNotJsonHasNobodyToAnswer() {
        InvalidMessageException error = assertThrows(InvalidMessageException.class, () -> SmsOut.parse("hello"));
        assertNull(error.msgId());
        assertTrue(error.fieldErrors().containsKey("body"));
        assertNull(assertThrows(InvalidMessageException.class, () -> SmsOut.parse("[1,2]")).msgId());
        assertNull(assertThrows(InvalidMessageException.class, () -> DlrOut.parse("{\"msg_id\": ")).msgId());
    }

    @Test
    void aBodyThatIsNotJsonIsDescribedWhereItBreaksNotInTheParsersTerms() {
        String unexpected = assertThrows(InvalidMessageException.class, () -> SmsOut.parse("{\"msg_id\": x y}"))
                .fieldErrors().get("body");
        String cut = assertThrows(InvalidMessageException.class, () -> DlrOut.parse("{\"msg_id\": "))
                .fieldErrors().get("body");

        assertEquals("not JSON: unexpected text at line 1, column 15", unexpected);
        assertTrue(cut.startsWith("not JSON: the text ends before the JSON does"), cut);
        for (String description : List.of(unexpected, cut)) {
            assertFalse(description.contains("JsonReader") || description.contains("Strictness")
                    || description.contains("http"), description);
        }
    }

    @Test
    void readsTheManualsDlrOutExampleAndItsJavaVariantWithATrailingComma() {
        DlrOut expected = new DlrOut(1234, "074b8a96-f983-4b0b-8079-4d4c8502ff02", FinalStatus.DELIVERED, 0);
        assertEquals(expected, DlrOut.parse("""
                {
                "client_id":1234,
                "msg_id":"074b8a96-f983-4b0b-8079-4d4c8502ff02",
                "status":"delivered",
                "err_code":0
                }"""));
        // The manual's Java SendDLR example ends its object with a comma.
        assertEquals(expected, DlrOut.parse("{\n" +
                " \"client_id\": 1234,\n" +
                " \"msg_id\": \"074b8a96-f983-4b0b-8079-4d4c8502ff02\",\n" +
                " \"status\": \"delivered\",\n" +
                " \"err_code\": 0,\n" +
                "}"));
        // Its Go example declares client_id and err_code as strings.
        assertEquals(expected, DlrOut.parse("""
                {"client_id":"1234","msg_id":"074b8a96-f983-4b0b-8079-4d4c8502ff02","status":"delivered","err_code":"0"}"""));
    }

    @Test
    void trailingCommaInsideAStringIsKept() {
        assertEquals("a,}", DlrOut.parse("{\"client_id\":1,\"msg_id\":\"a,}\",\"status\":\"unknown\",}").msgId());
    }

    @Test
    void rejectsAnUnknownDlrOutStatus() {
        InvalidMessageException error = assertThrows(InvalidMessageException.class,
                () -> DlrOut.parse("{\"client_id\":1,\"msg_id\":\"x\",\"status\":\"sent\",\"err_code\":300}"));
        assertTrue(error.fieldErrors().get("status").startsWith("must be one of"));
        assertEquals("max 255", error.fieldErrors().get("err_code"));
    }

    @Test
    void writesSmsInWithTheManualsFieldsAndTypes() {
        SmsIn sms = new SmsIn(1234, "074b8a96-f983-4b0b-8079-4d4c8502ff02", "Mysender", "390991234567", "", 5, 0, 1,
                1, "I am test SMS message", 0, 0, 1, 1, 1721980552913L);
        JsonObject json = JsonParser.parseString(sms.toJson()).getAsJsonObject();
        assertEquals("""
                {"client_id":1234,"msg_id":"074b8a96-f983-4b0b-8079-4d4c8502ff02","sender":"Mysender",\
                "receiver":"390991234567","service_type":"","src_ton":5,"src_npi":0,"dst_ton":1,"dst_npi":1,\
                "message":"I am test SMS message","data_coding":0,"reference":0,"total_parts":1,"part_number":1,\
                "smsc_time":1721980552913}""", sms.toJson());
        assertTrue(json.get("client_id").getAsJsonPrimitive().isNumber());
    }

    @Test
    void writesDlrInSentAndFinalAsTheManualShowsThem() {
        DlrIn sent = new DlrIn("mysmsc-id-example", "074b8a96-f983-4b0b-8079-4d4c8502ff02",
                "655a1b96a6c90b528d62397caec3c15d5d7dddccacaf9aae6feed22c0b9f9b15", 1, 1, 0, DlrIn.SENT, null,
                1721980552913L, 1721980552933L, 1721980552953L, null);
        assertEquals("""
                {"smsc_id":"mysmsc-id-example","msg_id":"074b8a96-f983-4b0b-8079-4d4c8502ff02",\
                "gateway_msg_id":"655a1b96a6c90b528d62397caec3c15d5d7dddccacaf9aae6feed22c0b9f9b15",\
                "total_parts":1,"part_number":1,"data_coding":0,"status":"sent","acpt_time":1721980552913,\
                "sent_time":1721980552933,"smsc_time":1721980552953}""", sent.toJson());
        DlrIn delivered = new DlrIn("s", "m", "g", 1, 1, 0, "delivered", 0, 1L, 2L, 3L, 1721980562327L);
        assertTrue(delivered.toJson().endsWith("\"status\":\"delivered\",\"err_code\":0,\"acpt_time\":1,"
                + "\"sent_time\":2,\"smsc_time\":3,\"dlr_time\":1721980562327}"));
    }

    @Test
    void writesSmsInTextEscapedAndAbsentFieldsAsNull() {
        SmsIn sms = new SmsIn(7, "m", null, "390991234567", null, 0, 0, 1, 1,
                "say \"hi\"\\\n\u0001\u2028 \u041f\u0440\u0438\u0432\u0435\u0442 \ud83d\ude00", 8, 0, 1, 1, 5L);

        assertEquals("{\"client_id\":7,\"msg_id\":\"m\",\"sender\":null,\"receiver\":\"390991234567\","
                + "\"service_type\":null,\"src_ton\":0,\"src_npi\":0,\"dst_ton\":1,\"dst_npi\":1,"
                + "\"message\":\"say \\\"hi\\\"\\\\\\n\\u0001\\u2028 \u041f\u0440\u0438\u0432\u0435\u0442 \ud83d\ude00\","
                + "\"data_coding\":8,\"reference\":0,\"total_parts\":1,\"part_number\":1,\"smsc_time\":5}",
                sms.toJson());
        assertEquals(sms.message(), JsonParser.parseString(sms.toJson()).getAsJsonObject().get("message").getAsString());
    }
}
