package io.smppgateway.bridge.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.bridge.message.DlrIn;
import io.smppgateway.persistence.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The 24-hour expiry runs on every instance, so that no instance's death stops it, and still
 * expires each segment once: the database decides which instance's scan marks it.
 */
class SharedSweepsTest {

    @Test
    void twoInstancesScanningAtOnceExpireASegmentOnce() {
        try (Harness harness = new Harness(TestBus.Kind.IN_PROCESS, TestDatabase.Kind.MARIADB);
             Database other = harness.database.anotherInstance()) {
            String msgId = UUID.randomUUID().toString();
            harness.publish(Topic.SMS_OUT, FlowScenarios.smsOut(msgId, "447900000001", "no receipt will come"));
            harness.awaitDlrIn(msgId, "sent");
            FlowConfig dayLater = FlowConfig.defaults().withClock(Clock.offset(Clock.systemUTC(), Duration.ofHours(25)));
            List<DlrIn> heard = new CopyOnWriteArrayList<>();
            try (ExpiryFlow onA = new ExpiryFlow(harness.appBus(), harness.database.database().outbound(), dayLater,
                         heard::add);
                 ExpiryFlow onB = new ExpiryFlow(harness.appBus(), other.outbound(), dayLater, heard::add)) {
                CompletableFuture<Integer> a = onA.scan();
                CompletableFuture<Integer> b = onB.scan();

                assertEquals(1, a.join() + b.join(), "segments expired by the two scans together");
            }
            assertEquals(1, heard.stream().filter(e -> e.msgId().equals(msgId) && e.status().equals("expired")).count(),
                    heard.toString());
        }
    }
}
