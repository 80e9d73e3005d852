package io.smppgateway.nsq;

import io.smppgateway.bridge.bus.BusDelivery;
import io.smppgateway.bridge.bus.NsqBusConfig;
import io.smppgateway.bridge.bus.NsqMessageBus;
import io.smppgateway.bridge.bus.NsqTopicConfig;
import io.smppgateway.bridge.bus.Topic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's bus ({@link NsqMessageBus} as the daemon configures it) holding SMS_OUT, on an nsqd
 * of the test's own whose own --msg-timeout is a minute: an instance cut off with a message in
 * flight leaves it to another instance after the bus's msg_timeout (10 s by default), and a message
 * the flow holds longer than that is not handed out twice.
 */
class NsqMessageBusHeldMessagesTest {

    private static final String CHANNEL = "smpp-gateway";

    private final NsqdProcess nsqd;
    private final String prefix = TestNsqd.uniqueTopic("bus");

    NsqMessageBusHeldMessagesTest() throws Exception {
        nsqd = new NsqdProcess();
    }

    @AfterEach
    void stop() throws Exception {
        nsqd.close();
    }

    private NsqBusConfig busOn(NsqAddress address) {
        Map<Topic, NsqTopicConfig> topics = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            topics.put(topic, new NsqTopicConfig(address.host(), address.port(), prefix + "_" + topic.name()));
        }
        return NsqBusConfig.of(topics);
    }

    @Test
    void anInstanceCutOffWithAnSmsOutInFlightLeavesItToTheNextWithinTheBussMsgTimeout() throws Exception {
        CompletableFuture<BusDelivery> heldByFirst = new CompletableFuture<>();
        List<BusDelivery> takenBySecond = new CopyOnWriteArrayList<>();
        try (SeveringProxy network = new SeveringProxy(nsqd.tcp());
             NsqMessageBus first = new NsqMessageBus(busOn(network.address()));
             NsqMessageBus second = new NsqMessageBus(busOn(nsqd.tcp()))) {
            assertEquals(Duration.ofSeconds(10), busOn(nsqd.tcp()).msgTimeout(), "the default this test is about");
            TestNsqd.createChannel(nsqd.http(), prefix + "_SMS_OUT", CHANNEL);
            // The first instance takes the SMS_OUT and works on it (its submit never answered).
            first.consume(Topic.SMS_OUT, CHANNEL, heldByFirst::complete);
            second.publish(Topic.SMS_OUT, "{\"msg_id\":\"held\"}").get(30, TimeUnit.SECONDS);
            heldByFirst.get(30, TimeUnit.SECONDS);
            network.sever();

            second.consume(Topic.SMS_OUT, CHANNEL, delivery -> {
                takenBySecond.add(delivery);
                delivery.finish();
            });
            // Well within nsqd's own minute: only the bus's 10 s can have given it back.
            Await.until(Duration.ofSeconds(40), () -> takenBySecond.size() == 1,
                    () -> "the second instance got " + takenBySecond.size() + "; nsqd "
                            + TestNsqd.stats(nsqd.http(), prefix + "_SMS_OUT"));
            assertEquals("{\"msg_id\":\"held\"}", takenBySecond.get(0).body());
            assertEquals(2, takenBySecond.get(0).attempts());
        }
    }

    @Test
    void anSmsOutHeldLongerThanTheMsgTimeoutIsNotHandedOutTwice() throws Exception {
        List<BusDelivery> taken = new CopyOnWriteArrayList<>();
        try (NsqMessageBus bus = new NsqMessageBus(busOn(nsqd.tcp()).withMsgTimeout(Duration.ofSeconds(1)))) {
            TestNsqd.createChannel(nsqd.http(), prefix + "_SMS_OUT", CHANNEL);
            // The handler never touches: the bus's consumer does, while the slow submit goes on.
            bus.consume(Topic.SMS_OUT, CHANNEL, taken::add);
            bus.publish(Topic.SMS_OUT, "{\"msg_id\":\"slow\"}").get(30, TimeUnit.SECONDS);
            Await.until(() -> taken.size() == 1, () -> "taken " + taken.size());
            // The slow submit: three msg_timeouts with the message held.
            Await.sleep(Duration.ofSeconds(3));
            String held = TestNsqd.stats(nsqd.http(), prefix + "_SMS_OUT");
            assertEquals(1, taken.size(), "handed out again while held: " + held);
            assertTrue(held.contains("\"in_flight_count\":1") && held.contains("\"timeout_count\":0"), held);
            taken.get(0).finish();
            Await.until(() -> TestNsqd.stats(nsqd.http(), prefix + "_SMS_OUT").contains("\"in_flight_count\":0"),
                    () -> TestNsqd.stats(nsqd.http(), prefix + "_SMS_OUT"));
            assertEquals(1, taken.size());
        }
    }
}
