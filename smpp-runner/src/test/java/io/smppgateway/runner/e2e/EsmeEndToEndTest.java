package io.smppgateway.runner.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudhopper.commons.charset.CharsetUtil;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.smppgateway.bridge.bus.Topic;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ESME side of the gateway end to end: the daemon on the test MariaDB and nsqd, a client
 * created through the REST API as a user creates it, jsmpp as the ESME over real sockets, and the
 * application as a plain NSQ consumer of SMS_IN and publisher of DLR_OUT. What the ESME submits
 * must reach SMS_IN with the manual's fields; what the application answers on DLR_OUT must reach
 * the ESME as a standard delivery receipt, also when its receiver binds only later; and the REST
 * API must show the live binds of the client while they last.
 */
class EsmeEndToEndTest {

    /** The manual's SMS_IN body ("Receiving SMS"). */
    private static final Set<String> SMS_IN_FIELDS = Set.of("client_id", "msg_id", "sender", "receiver",
            "service_type", "src_ton", "src_npi", "dst_ton", "dst_npi", "message", "data_coding", "reference",
            "total_parts", "part_number", "smsc_time");
    /** A client in the manual's "Retrieving the list of ESME". */
    private static final Set<String> CLIENT_FIELDS = Set.of("id", "username", "password", "allow_ip", "throughput",
            "binds", "enabled", "updated", "created");
    /** A connection in the same list, as the manual prints its BIND_TX example, and ours: its instance. */
    private static final Set<String> CONNECTION_FIELDS = Set.of("client_id", "bindType", "systemType", "status",
            "connectionId", "localAddr", "remoteAddr", "inflightCount", "queueCount", "connected", "instance",
            "instanceHost");
    /** SMPP 3.4 Appendix B, as docs/delivery-receipts.md says we write it. */
    private static final Pattern RECEIPT_TEXT = Pattern.compile("id:(\\S+) sub:(\\d{3}) dlvrd:(\\d{3}) submit date:"
            + "(\\d{10}) done date:(\\d{10}) stat:(\\S+) err:(\\d{3}) text:(.*)", Pattern.DOTALL);
    private static final DateTimeFormatter RECEIPT_DATE = DateTimeFormatter.ofPattern("yyMMddHHmm");

    /** GSM 03.38 characters that ASCII writes otherwise (@ £ _ Ä ö é) and from the extension table (€ { }). */
    private static final String GSM_TEXT = "Hi @Anna: £5 off_today, Ä ö é € {ok}";
    private static final String UCS2_TEXT = "Привет, мир! Ünicode ✓ 😀";
    /** Letters, digits, spaces and full stops: characters the receipt's text: field keeps as they are. */
    private static final String LONG_TEXT = buildLongText();
    private static final int LONG_REFERENCE = 0xA7;

    @TempDir
    Path home;

    private DaemonOnTestServices services;
    private GatewayRestApi rest;
    private NsqApplication application;
    private final List<JsmppEsme> esmes = new ArrayList<>();

    /** A message the ESME submitted and what SMS_IN must say of it. */
    private record Sent(String msgId, String text, int dataCoding, int reference, int totalParts, int partNumber,
                        long before, long after) {
    }

    @BeforeEach
    void startGateway() {
        services = DaemonOnTestServices.start(home);
        rest = new GatewayRestApi(services.restBaseUrl(), services.apiToken());
        application = new NsqApplication(services.nsqdTcpHost(), services.nsqdTcpPort(),
                services.topic(Topic.SMS_IN), services.nsqdHttp(), services.topic(Topic.DLR_OUT));
    }

    @AfterEach
    void stopGateway() {
        try {
            esmes.forEach(JsmppEsme::close);
            if (application != null) {
                application.close();
            }
            if (services != null) {
                assertTrue(services.stop(), "the daemon did not stop cleanly within its budget");
            }
        } finally {
            if (services != null) {
                services.close();
            }
        }
    }

    @Test
    void gsmUcs2AndMultipartSubmitsReachSmsInWithTheManualsFields() throws Exception {
        long clientId = createClient("shop1", "pw1", 1);
        JsmppEsme esme = bind(BindType.BIND_TRX, "shop1", "pw1", "");

        List<Sent> sent = submitOneOfEachKind(esme);

        assertSmsIn(clientId, sent, application.takeSmsIn(sent.size()));
        assertEquals(List.of(), application.untaken(), "SMS_IN events beyond one per submit");
    }

    @Test
    void dlrOutOfEachStatusReachesTheTransceiverAsAStandardReceipt() throws Exception {
        long clientId = createClient("shop2", "pw2", 1);
        JsmppEsme esme = bind(BindType.BIND_TRX, "shop2", "pw2", "");
        List<Sent> sent = submitOneOfEachKind(esme);
        assertSmsIn(clientId, sent, application.takeSmsIn(sent.size()));
        String[][] outcomes = {{"delivered", "0"}, {"undelivered", "5"}, {"rejected", "69"}, {"expired", "0"},
                {"unknown", "255"}};
        assertEquals(sent.size(), outcomes.length);

        long beforeDlrs = System.currentTimeMillis();
        for (int i = 0; i < sent.size(); i++) {
            application.publishDlrOut(clientId, sent.get(i).msgId(), outcomes[i][0], Integer.parseInt(outcomes[i][1]));
        }
        List<DeliverSm> receipts = esme.takeDeliveries(sent.size());
        long afterReceipts = System.currentTimeMillis();

        // The five DLR_OUT are handled concurrently, so their receipts may come in any order.
        Map<String, DeliverSm> byId = new HashMap<>();
        for (DeliverSm receipt : receipts) {
            byId.put(receiptedMessageId(receipt), receipt);
        }
        assertEquals(sent.size(), byId.size(), "one receipt per message");
        for (int i = 0; i < sent.size(); i++) {
            Sent message = sent.get(i);
            DeliverSm receipt = byId.get(message.msgId());
            assertNotNull(receipt, "no receipt for " + message);
            assertReceipt(receipt, message, outcomes[i][0], Integer.parseInt(outcomes[i][1]), beforeDlrs,
                    afterReceipts);
        }
        assertEquals(List.of(), esme.untaken(), "receipts beyond one per DLR_OUT");
    }

    @Test
    void receiptsWaitForTheReceiverBindAndComeInOrderExactlyOnce() throws Exception {
        long clientId = createClient("shop3", "pw3", 2);
        JsmppEsme transmitter = bind(BindType.BIND_TX, "shop3", "pw3", "");
        List<Sent> sent = new ArrayList<>();
        for (String text : List.of("First of three", "Second of three", "Third of three")) {
            sent.add(submitGsm(transmitter, text));
        }
        assertSmsIn(clientId, sent, application.takeSmsIn(sent.size()));
        String[] statuses = {"delivered", "undelivered", "delivered"};

        // One at a time, each stored before the next is published: the order they wait in is then the
        // order published (NSQ itself does not order a topic's messages).
        long[] published = new long[sent.size()];
        for (int i = 0; i < sent.size(); i++) {
            published[i] = System.currentTimeMillis();
            application.publishDlrOut(clientId, sent.get(i).msgId(), statuses[i], i == 1 ? 1 : 0);
            int waiting = i + 1;
            await(() -> pendingReceipts(clientId) == waiting,
                    () -> pendingReceipts(clientId) + " receipts waiting instead of " + waiting);
        }
        assertEquals(List.of(), transmitter.untaken(), "a transmitter bind got deliver_sm");
        // The manual's queueCount of a client's connection: "DLR queue awaiting submit. This may occur
        // if the client does not have connections as a Receiver or Transceiver".
        JsonObject whileWaiting = rest.listClients();
        List<JsonObject> transmitters = connectionsOf(whileWaiting, "BIND_TX", clientId);
        assertEquals(1, transmitters.size(), whileWaiting.toString());
        assertEquals("BOUND_TX", transmitters.get(0).get("status").getAsString());
        assertEquals(sent.size(), transmitters.get(0).get("queueCount").getAsInt(), "queueCount while receipts wait: "
                + transmitters);
        assertEquals(1, allConnectionsOf(whileWaiting, clientId).size(), whileWaiting.toString());

        JsmppEsme receiver = bind(BindType.BIND_RX, "shop3", "pw3", "");
        List<DeliverSm> receipts = receiver.takeDeliveries(sent.size());
        long afterReceipts = System.currentTimeMillis();

        for (int i = 0; i < sent.size(); i++) {
            assertEquals(sent.get(i).msgId(), receiptedMessageId(receipts.get(i)), "receipt " + (i + 1) + " of "
                    + sent.size() + " out of order");
            assertReceipt(receipts.get(i), sent.get(i), statuses[i], i == 1 ? 1 : 0, published[i], afterReceipts);
        }
        await(() -> pendingReceipts(clientId) == 0, () -> pendingReceipts(clientId) + " receipts still waiting");
        JsonObject delivered = rest.listClients();
        assertEquals(2, allConnectionsOf(delivered, clientId).size(), delivered.toString());
        assertEquals(1, connectionsOf(delivered, "BIND_RX", clientId).size(), delivered.toString());
        for (JsonObject connection : allConnectionsOf(delivered, clientId)) {
            assertEquals(0, connection.get("queueCount").getAsInt(), "queueCount once delivered: " + connection);
        }
        // A receipt published now goes straight to the receiver; by the time it arrives, a second
        // delivery of any of the queued ones would have come before it.
        Sent last = submitGsm(transmitter, "Fourth, after the bind");
        assertSmsIn(clientId, List.of(last), application.takeSmsIn(1));
        long lastPublished = System.currentTimeMillis();
        application.publishDlrOut(clientId, last.msgId(), "delivered", 0);
        DeliverSm lastReceipt = receiver.takeDeliveries(1).get(0);
        assertReceipt(lastReceipt, last, "delivered", 0, lastPublished, System.currentTimeMillis());
        assertEquals(List.of(), receiver.untaken(), "receipts delivered more than once");
        assertEquals(List.of(), transmitter.untaken(), "a transmitter bind got deliver_sm");
    }

    @Test
    void clientListShowsEachLiveBindInTheManualsShapeUntilItUnbinds() throws Exception {
        JsonObject request = new JsonObject();
        request.addProperty("username", "shop4");
        request.addProperty("password", "pw4");
        request.addProperty("allow_ip", "");
        request.addProperty("throughput", 0);
        request.addProperty("binds", 3);
        request.addProperty("enabled", true);
        long beforeCreate = epochSeconds(System.currentTimeMillis());
        JsonObject created = rest.createClient(request);
        long clientId = created.get("id").getAsLong();
        // Another client, never bound, shows in the list without connections.
        long otherId = createClient("other", "pw", 1);

        long before = epochSeconds(System.currentTimeMillis());
        Map<String, JsmppEsme> byType = new HashMap<>();
        byType.put("BIND_TX", bind(BindType.BIND_TX, "shop4", "pw4", "tx-type"));
        byType.put("BIND_RX", bind(BindType.BIND_RX, "shop4", "pw4", "rx-type"));
        byType.put("BIND_TRX", bind(BindType.BIND_TRX, "shop4", "pw4", "trx-type"));
        long after = epochSeconds(System.currentTimeMillis()) + 1;

        JsonObject list = rest.listClients();
        assertEquals(Set.of("clients", "connections"), list.keySet());
        JsonObject client = clientRecord(list, clientId);
        assertEquals(CLIENT_FIELDS, client.keySet());
        assertEquals("shop4", client.get("username").getAsString());
        assertEquals("pw4", client.get("password").getAsString());
        assertEquals("", client.get("allow_ip").getAsString());
        assertEquals(0, client.get("throughput").getAsInt());
        assertEquals(3, client.get("binds").getAsInt());
        assertTrue(client.get("enabled").getAsBoolean());
        assertTrue(client.get("created").getAsLong() >= beforeCreate, client.toString());
        assertTrue(client.get("updated").getAsLong() >= client.get("created").getAsLong(), client.toString());
        assertNotNull(clientRecord(list, otherId));

        JsonObject connections = list.getAsJsonObject("connections");
        assertEquals(Set.of("BIND_TX", "BIND_RX", "BIND_TRX"), connections.keySet());
        Set<String> connectionIds = new HashSet<>();
        for (Map.Entry<String, JsmppEsme> entry : byType.entrySet()) {
            String bindType = entry.getKey();
            List<JsonObject> own = connectionsOf(list, bindType, clientId);
            assertEquals(1, own.size(), bindType + ": " + connections);
            JsonObject connection = own.get(0);
            assertEquals(CONNECTION_FIELDS, connection.keySet());
            assertEquals(clientId, connection.get("client_id").getAsLong());
            assertEquals(bindType, connection.get("bindType").getAsString());
            assertEquals(bindType.substring("BIND_".length()).toLowerCase() + "-type",
                    connection.get("systemType").getAsString());
            assertEquals("BOUND_" + bindType.substring("BIND_".length()), connection.get("status").getAsString());
            assertTrue(connectionIds.add(connection.get("connectionId").getAsString()), connections.toString());
            assertTrue(!connection.get("connectionId").getAsString().isBlank(), connection.toString());
            assertEquals("127.0.0.1:" + services.smppPort(), connection.get("localAddr").getAsString());
            assertEquals("127.0.0.1:" + entry.getValue().localPort(), connection.get("remoteAddr").getAsString());
            assertEquals(0, connection.get("inflightCount").getAsInt());
            assertEquals(0, connection.get("queueCount").getAsInt());
            assertEquals(services.daemon().engine().instanceId(), connection.get("instance").getAsString());
            long connected = connection.get("connected").getAsLong();
            assertTrue(connected >= before && connected <= after, "connected " + connected + " not within ["
                    + before + ", " + after + "]");
            assertEquals(List.of(), connectionsOf(list, bindType, otherId));
        }

        byType.get("BIND_TX").unbind();
        await(() -> connectionsOf(rest.listClients(), "BIND_TX", clientId).isEmpty(),
                () -> "the unbound transmitter is still listed: " + rest.listClients().get("connections"));
        JsonObject afterOne = rest.listClients();
        assertEquals(1, connectionsOf(afterOne, "BIND_RX", clientId).size(), afterOne.toString());
        assertEquals(1, connectionsOf(afterOne, "BIND_TRX", clientId).size(), afterOne.toString());

        byType.get("BIND_RX").unbind();
        byType.get("BIND_TRX").unbind();
        await(() -> allConnectionsOf(rest.listClients(), clientId).isEmpty(),
                () -> "unbound ESMEs still listed: " + rest.listClients().get("connections"));
        assertEquals(clientId, clientRecord(rest.listClients(), clientId).get("id").getAsLong());
    }

    // ---- the ESME's side ----

    private long createClient(String username, String password, int binds) {
        JsonObject request = new JsonObject();
        request.addProperty("username", username);
        request.addProperty("password", password);
        request.addProperty("throughput", 0);
        request.addProperty("binds", binds);
        request.addProperty("enabled", true);
        JsonObject saved = rest.createClient(request);
        assertEquals(username, saved.get("username").getAsString(), saved.toString());
        return saved.get("id").getAsLong();
    }

    private JsmppEsme bind(BindType type, String username, String password, String systemType) throws Exception {
        JsmppEsme esme = JsmppEsme.bind(services.smppPort(), type, username, password, systemType);
        esmes.add(esme);
        return esme;
    }

    /** A GSM text, a UCS-2 text and a long GSM text in three concatenated parts (8-bit reference UDH). */
    private static List<Sent> submitOneOfEachKind(JsmppEsme esme) throws Exception {
        List<Sent> sent = new ArrayList<>();
        sent.add(submitGsm(esme, GSM_TEXT));

        long before = System.currentTimeMillis();
        String ucs2Id = esme.submit(new ESMClass(), new GeneralDataCoding(Alphabet.ALPHA_UCS2),
                UCS2_TEXT.getBytes(StandardCharsets.UTF_16BE));
        sent.add(new Sent(ucs2Id, UCS2_TEXT, 8, 0, 1, 1, before, System.currentTimeMillis()));

        List<String> parts = splitIntoParts(LONG_TEXT);
        assertEquals(3, parts.size(), "the long text is meant to take three parts");
        ESMClass udhi = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI);
        for (int i = 0; i < parts.size(); i++) {
            ByteArrayOutputStream userData = new ByteArrayOutputStream();
            // UDH: length 5; IEI 00 (concatenation, 8-bit reference), length 3, reference, total, number.
            userData.writeBytes(new byte[] {0x05, 0x00, 0x03, (byte) LONG_REFERENCE, (byte) parts.size(),
                    (byte) (i + 1)});
            userData.writeBytes(CharsetUtil.encode(parts.get(i), CharsetUtil.CHARSET_GSM));
            before = System.currentTimeMillis();
            String partId = esme.submit(udhi, new GeneralDataCoding(Alphabet.ALPHA_DEFAULT), userData.toByteArray());
            sent.add(new Sent(partId, parts.get(i), 0, LONG_REFERENCE, parts.size(), i + 1, before,
                    System.currentTimeMillis()));
        }
        return sent;
    }

    /** Data coding 0 as GSM 03.38, unpacked, written by cloudhopper's charset (not ours). */
    private static Sent submitGsm(JsmppEsme esme, String text) throws Exception {
        long before = System.currentTimeMillis();
        String id = esme.submit(new ESMClass(), new GeneralDataCoding(Alphabet.ALPHA_DEFAULT),
                CharsetUtil.encode(text, CharsetUtil.CHARSET_GSM));
        return new Sent(id, text, 0, 0, 1, 1, before, System.currentTimeMillis());
    }

    private static String buildLongText() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 7; i++) {
            text.append("This is sentence number ").append(i).append(" of a long story told in parts. ");
        }
        return text.toString().trim();
    }

    /** 153 characters a part: 160 minus the 6-octet UDH (7 septets). */
    private static List<String> splitIntoParts(String text) {
        List<String> parts = new ArrayList<>();
        for (int start = 0; start < text.length(); start += 153) {
            parts.add(text.substring(start, Math.min(text.length(), start + 153)));
        }
        return parts;
    }

    // ---- what the application and the ESME must see ----

    private static void assertSmsIn(long clientId, List<Sent> sent, List<JsonObject> events) {
        Map<String, JsonObject> byId = new HashMap<>();
        for (JsonObject event : events) {
            assertEquals(SMS_IN_FIELDS, event.keySet(), event.toString());
            byId.put(event.get("msg_id").getAsString(), event);
        }
        assertEquals(sent.stream().map(Sent::msgId).collect(Collectors.toSet()), byId.keySet(),
                "SMS_IN msg_ids against the submit_sm_resp message_ids: " + events);
        for (Sent message : sent) {
            JsonObject event = byId.get(message.msgId());
            String context = message.text() + " -> " + event;
            assertEquals(message.msgId(), UUID.fromString(message.msgId()).toString(), "msg_id is a UUID string");
            assertEquals(clientId, event.get("client_id").getAsLong(), context);
            assertEquals(JsmppEsme.SENDER, event.get("sender").getAsString(), context);
            assertEquals(JsmppEsme.RECEIVER, event.get("receiver").getAsString(), context);
            assertEquals(JsmppEsme.SERVICE_TYPE, event.get("service_type").getAsString(), context);
            assertEquals(5, event.get("src_ton").getAsInt(), context);
            assertEquals(0, event.get("src_npi").getAsInt(), context);
            assertEquals(1, event.get("dst_ton").getAsInt(), context);
            assertEquals(1, event.get("dst_npi").getAsInt(), context);
            assertEquals(message.text(), event.get("message").getAsString(), context);
            assertEquals(message.dataCoding(), event.get("data_coding").getAsInt(), context);
            assertEquals(message.reference(), event.get("reference").getAsInt(), context);
            assertEquals(message.totalParts(), event.get("total_parts").getAsInt(), context);
            assertEquals(message.partNumber(), event.get("part_number").getAsInt(), context);
            long smscTime = event.get("smsc_time").getAsLong();
            assertTrue(smscTime >= message.before() && smscTime <= message.after(), "smsc_time " + smscTime
                    + " not between the submit and its response: " + context);
        }
    }

    /**
     * The receipt for {@code message} with the DLR_OUT's {@code status} and {@code errCode}, read both
     * from its text and by jsmpp's own parser.
     *
     * @param handledFrom when the DLR_OUT was published (the done date is when the gateway handled it)
     */
    private static void assertReceipt(DeliverSm receipt, Sent message, String status, int errCode, long handledFrom,
                                      long handledBy) throws Exception {
        String text = new String(receipt.getShortMessage(), StandardCharsets.US_ASCII);
        String context = status + " for " + message.text() + ": " + text;
        assertTrue(receipt.isSmscDeliveryReceipt(), "esm_class " + receipt.getEsmClass() + " " + context);
        assertEquals(0, receipt.getDataCoding(), context);
        assertEquals(JsmppEsme.RECEIVER, receipt.getSourceAddr(), context);
        assertEquals(1, receipt.getSourceAddrTon(), context);
        assertEquals(1, receipt.getSourceAddrNpi(), context);
        assertEquals(JsmppEsme.SENDER, receipt.getDestAddress(), context);
        assertEquals(5, receipt.getDestAddrTon(), context);
        assertEquals(0, receipt.getDestAddrNpi(), context);

        Matcher fields = RECEIPT_TEXT.matcher(text);
        assertTrue(fields.matches(), "not the standard receipt text: " + context);
        boolean delivered = status.equals("delivered");
        assertEquals(message.msgId(), fields.group(1), context);
        assertEquals("001", fields.group(2), context);
        assertEquals(delivered ? "001" : "000", fields.group(3), context);
        assertBetween(fields.group(4), message.before(), message.after(), "submit date", context);
        assertBetween(fields.group(5), handledFrom, handledBy, "done date", context);
        assertEquals(statWord(status), fields.group(6), context);
        assertEquals("%03d".formatted(errCode), fields.group(7), context);
        assertEquals(receiptTextOf(message.text()), fields.group(8), context);

        DeliveryReceipt parsed = receipt.getShortMessageAsDeliveryReceipt();
        assertEquals(message.msgId(), parsed.getId(), context);
        assertEquals(DeliveryReceiptState.valueOf(statWord(status)), parsed.getFinalStatus(), context);
        assertEquals(1, parsed.getSubmitted(), context);
        assertEquals(delivered ? 1 : 0, parsed.getDelivered(), context);
        assertEquals("%03d".formatted(errCode), parsed.getError(), context);

        assertEquals(message.msgId(), receiptedMessageId(receipt), context);
        OptionalParameter.Message_state state = receipt.getOptionalParameter(OptionalParameter.Message_state.class);
        assertNotNull(state, "no message_state TLV: " + context);
        assertEquals(messageState(status), state.getMessageState(), context);
    }

    private static String receiptedMessageId(DeliverSm receipt) {
        OptionalParameter.Receipted_message_id id =
                receipt.getOptionalParameter(OptionalParameter.Receipted_message_id.class);
        assertNotNull(id, "no receipted_message_id TLV");
        return id.getValueAsString();
    }

    /** Appendix B's stat words for the manual's DLR_OUT statuses. */
    private static String statWord(String status) {
        return switch (status) {
            case "delivered" -> "DELIVRD";
            case "undelivered" -> "UNDELIV";
            case "rejected" -> "REJECTD";
            case "expired" -> "EXPIRED";
            case "unknown" -> "UNKNOWN";
            default -> throw new IllegalArgumentException(status);
        };
    }

    private static OptionalParameter.Message_state.Message_state_enum messageState(String status) {
        return switch (status) {
            case "delivered" -> OptionalParameter.Message_state.Message_state_enum.DELIVERED;
            case "undelivered" -> OptionalParameter.Message_state.Message_state_enum.UNDELIVERABLE;
            case "rejected" -> OptionalParameter.Message_state.Message_state_enum.REJECTED;
            case "expired" -> OptionalParameter.Message_state.Message_state_enum.EXPIRED;
            case "unknown" -> OptionalParameter.Message_state.Message_state_enum.UNKNOWN;
            default -> throw new IllegalArgumentException(status);
        };
    }

    /**
     * The receipt's {@code text:}: the first 20 characters, each one that GSM 7-bit and ASCII do not
     * write alike shown as {@code ?} (docs/message-flows.md).
     */
    private static String receiptTextOf(String text) {
        return switch (text) {
            case GSM_TEXT -> "Hi ?Anna: ?5 off?tod";
            case UCS2_TEXT -> "??????, ???! ?nicode";
            default -> {
                String start = text.substring(0, Math.min(20, text.length()));
                assertTrue(start.matches("[A-Za-z0-9 .,]*"), "a text the receipt keeps as it is: " + start);
                yield start;
            }
        };
    }

    /** A receipt date (local time, minutes) lies between two instants. */
    private static void assertBetween(String date, long fromMillis, long toMillis, String field, String context) {
        String from = RECEIPT_DATE.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(fromMillis),
                ZoneId.systemDefault()));
        String to = RECEIPT_DATE.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(toMillis),
                ZoneId.systemDefault()));
        assertTrue(date.compareTo(from) >= 0 && date.compareTo(to) <= 0, field + " " + date + " not within [" + from
                + ", " + to + "]: " + context);
    }

    // ---- the REST API's list ----

    private static JsonObject clientRecord(JsonObject list, long clientId) {
        for (JsonElement client : list.getAsJsonArray("clients")) {
            if (client.getAsJsonObject().get("id").getAsLong() == clientId) {
                return client.getAsJsonObject();
            }
        }
        throw new AssertionError("client " + clientId + " is not in GET /api/clients: " + list);
    }

    private static List<JsonObject> connectionsOf(JsonObject list, String bindType, long clientId) {
        JsonArray connections = list.getAsJsonObject("connections").getAsJsonArray(bindType);
        List<JsonObject> own = new ArrayList<>();
        for (JsonElement connection : connections) {
            if (connection.getAsJsonObject().get("client_id").getAsLong() == clientId) {
                own.add(connection.getAsJsonObject());
            }
        }
        return own;
    }

    private static List<JsonObject> allConnectionsOf(JsonObject list, long clientId) {
        List<JsonObject> all = new ArrayList<>();
        for (String bindType : List.of("BIND_TX", "BIND_RX", "BIND_TRX")) {
            all.addAll(connectionsOf(list, bindType, clientId));
        }
        return all;
    }

    private int pendingReceipts(long clientId) {
        return services.daemon().database().pendingReceipts().count(clientId).orTimeout(30, TimeUnit.SECONDS).join();
    }

    private static long epochSeconds(long millis) {
        return millis / 1000;
    }

    private static void await(BooleanSupplier condition, Supplier<String> state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + state.get());
            }
            Thread.sleep(50);
        }
    }
}
