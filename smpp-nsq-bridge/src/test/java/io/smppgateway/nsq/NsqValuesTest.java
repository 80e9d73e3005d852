package io.smppgateway.nsq;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The small values: addresses, backoff, IDENTIFY and lookup answers. */
class NsqValuesTest {

    @Test
    void parsesAddresses() {
        assertEquals(new NsqAddress("127.0.0.1", 4150), NsqAddress.parse("127.0.0.1:4150"));
        assertEquals(new NsqAddress("::1", 4150), NsqAddress.parse("[::1]:4150"));
        assertEquals("[::1]:4150", NsqAddress.parse("[::1]:4150").toString());
        assertThrows(IllegalArgumentException.class, () -> NsqAddress.parse("localhost"));
        assertThrows(IllegalArgumentException.class, () -> NsqAddress.parse("localhost:x"));
        assertThrows(IllegalArgumentException.class, () -> NsqAddress.parse("localhost:70000"));
    }

    @Test
    void backoffDoublesUpToItsCeilingWithJitterInTheUpperHalf() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));
        assertEquals(100, b.ceilingMillis(0));
        assertEquals(200, b.ceilingMillis(1));
        assertEquals(800, b.ceilingMillis(3));
        assertEquals(1000, b.ceilingMillis(4));
        assertEquals(1000, b.ceilingMillis(200));
        for (int i = 0; i < 200; i++) {
            long d = b.delayMillis(2);
            assertTrue(d >= 200 && d <= 400, "delay " + d);
        }
    }

    @Test
    void identifyResponseReadsNegotiatedSettings() {
        IdentifyResponse r = IdentifyResponse.parse("{\"max_rdy_count\":2500,\"version\":\"1.3.0\","
                + "\"max_msg_timeout\":900000,\"msg_timeout\":1000,\"tls_v1\":false,\"auth_required\":false}");
        assertEquals(2500, r.maxRdyCount());
        assertEquals("1.3.0", r.version());
        assertEquals(Duration.ofSeconds(1), r.msgTimeout());
        assertFalse(r.authRequired());
        assertEquals(IdentifyResponse.defaults(), IdentifyResponse.parse("OK"));
        assertThrows(NsqProtocolException.class, () -> IdentifyResponse.parse("not json"));
    }

    @Test
    void identifyRequestRefusesIntervalsNsqdRefuses() {
        assertThrows(IllegalArgumentException.class,
                () -> IdentifyRequest.defaults().withHeartbeatInterval(Duration.ofMillis(500)));
        assertThrows(IllegalArgumentException.class,
                () -> IdentifyRequest.defaults().withMsgTimeout(Duration.ofMillis(10)));
    }

    @Test
    void lookupAnswersInBothShapes() {
        String current = "{\"channels\":[\"c\"],\"producers\":[{\"remote_address\":\"127.0.0.1:5000\","
                + "\"hostname\":\"h\",\"broadcast_address\":\"10.0.0.5\",\"tcp_port\":4150,\"http_port\":4151,"
                + "\"version\":\"1.3.0\"}]}";
        assertEquals(List.of(new NsqAddress("10.0.0.5", 4150)), NsqLookupClient.parseProducers(current));
        String legacy = "{\"status_code\":200,\"status_txt\":\"OK\",\"data\":{\"producers\":"
                + "[{\"broadcast_address\":\"h2\",\"tcp_port\":4250}]}}";
        assertEquals(List.of(new NsqAddress("h2", 4250)), NsqLookupClient.parseProducers(legacy));
        assertEquals(List.of(), NsqLookupClient.parseProducers("{\"channels\":[]}"));
        assertThrows(NsqProtocolException.class, () -> NsqLookupClient.parseProducers("[1,2]"));
    }

    @Test
    void messageCopiesItsBodyAndComparesByContent() {
        byte[] body = {1, 2, 3};
        NsqMessage m = new NsqMessage("0123456789abcdef", 5, 1, body);
        body[0] = 9;
        assertEquals(1, m.body()[0]);
        m.body()[1] = 9;
        assertEquals(2, m.body()[1]);
        assertEquals(new NsqMessage("0123456789abcdef", 5, 1, new byte[] {1, 2, 3}), m);
    }
}
