package io.smppgateway.runner.e2e;

import com.google.gson.JsonObject;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.SessionConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Steady traffic in both directions through a running gateway, recording what each side had
 * acknowledged: SMS_OUT published to nsqd (HTTP /pub answered 200) towards an SMSC, and submit_sm
 * from an ESME answered ESME_ROK. A dependency restarted under it must lose none of those: every
 * acknowledged SMS_OUT gets a final DLR_IN, every acknowledged submit appears on SMS_IN. What was
 * refused or failed while the dependency was down was never acknowledged and may be missing.
 */
final class TwoWayLoad implements AutoCloseable {

    /** Pause between two messages of one direction: about 50 a second each way. */
    private static final long PACE_MILLIS = 20;

    private final RestartableNsqd nsqd;
    private final PrivateGatewayConf conf;
    private final String smscId;
    private final int count;
    private final SmppConnector connector = new SmppConnector();
    private final ChannelSession esme;
    private final Semaphore window = new Semaphore(5);

    final Set<String> outAcknowledged = ConcurrentHashMap.newKeySet();
    final AtomicInteger outRefused = new AtomicInteger();
    final Set<String> inAcknowledged = ConcurrentHashMap.newKeySet();
    final Map<String, AtomicInteger> inRefused = new ConcurrentHashMap<>();
    final AtomicInteger inUnanswered = new AtomicInteger();
    final AtomicInteger inSent = new AtomicInteger();
    private Thread outbound;
    private Thread inbound;

    /**
     * @param smscId the gateway (SMSC) the SMS_OUT name
     * @param count  messages each way
     */
    TwoWayLoad(RestartableNsqd nsqd, PrivateGatewayConf conf, String smscId, int smppPort, String systemId,
               String password, int count) throws Exception {
        this.nsqd = nsqd;
        this.conf = conf;
        this.smscId = smscId;
        this.count = count;
        BindRequest bind = BindRequest.of(BindType.TRANSCEIVER, 1, systemId, password, "", InterfaceVersion.SMPP_3_4,
                Address.EMPTY);
        this.esme = connector.connectAndBind("127.0.0.1", smppPort, null, Duration.ofSeconds(10),
                SessionConfig.defaults().withWindowSize(5).withResponseTimeout(Duration.ofSeconds(15)), bind,
                (session, request) -> request instanceof DeliverSm deliver
                        ? CompletableFuture.completedFuture(deliver.response("")) : null,
                PduListener.NONE).get(20, TimeUnit.SECONDS);
        // a refusal while a dependency is down is what this load records, not something to retry
        esme.retryThrottled(false);
    }

    String outMsgId(int i) {
        return conf.prefix() + "-out-" + i;
    }

    void start() {
        outbound = new Thread(() -> {
            for (int i = 0; i < count; i++) {
                String body = """
                        {"smsc_id": "%s", "msg_id": "%s", "sender": "Bank", "receiver": "380991234567",
                         "message": "%s"}""".formatted(smscId, outMsgId(i), outMsgId(i));
                if (nsqd.publish(conf.topic(Topic.SMS_OUT), body)) {
                    outAcknowledged.add(outMsgId(i));
                } else {
                    outRefused.incrementAndGet();
                }
                pause();
            }
        }, "load-sms-out");
        inbound = new Thread(() -> {
            for (int i = 0; i < count; i++) {
                window.acquireUninterruptibly();
                SubmitSm submit = SubmitSm.builder().source(5, 0, "Shop").destination(1, 1, "380991234567")
                        .shortMessage((conf.prefix() + "-in-" + i).getBytes(StandardCharsets.ISO_8859_1)).build();
                inSent.incrementAndGet();
                esme.send(submit).whenComplete((response, failure) -> {
                    if (failure != null) {
                        inUnanswered.incrementAndGet();
                    } else if (response.commandStatus() == 0) {
                        inAcknowledged.add(response.messageId());
                    } else {
                        inRefused.computeIfAbsent(io.smppgateway.smpp.pdu.CommandStatus.nameOf(
                                response.commandStatus()), s -> new AtomicInteger()).incrementAndGet();
                    }
                    window.release();
                });
                pause();
            }
            window.acquireUninterruptibly(5);
            window.release(5);
        }, "load-esme");
        outbound.start();
        inbound.start();
    }

    /** Waits until both directions have had {@code acknowledged} messages acknowledged. */
    void awaitAcknowledged(int acknowledged) {
        Awaiting.until(() -> outAcknowledged.size() >= acknowledged && inAcknowledged.size() >= acknowledged,
                () -> "acknowledged so far: SMS_OUT " + outAcknowledged.size() + ", submits " + inAcknowledged.size());
    }

    void awaitEnd() throws InterruptedException {
        outbound.join(TimeUnit.SECONDS.toMillis(60));
        inbound.join(TimeUnit.SECONDS.toMillis(60));
    }

    /** Submits sent and not answered (nor failed) yet. */
    int inInFlight() {
        return inSent.get() - inAcknowledged.size() + inRefused.values().stream().mapToInt(AtomicInteger::get).sum()
                + inUnanswered.get();
    }

    List<String> outAcknowledgedIds() {
        return List.copyOf(outAcknowledged);
    }

    private static void pause() {
        try {
            Thread.sleep(PACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        esme.close();
        connector.close();
    }

    /** For the figures: the SMS_IN events read so far, by msg_id. */
    static Map<String, Integer> countByMsgId(List<JsonObject> events) {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        for (JsonObject event : events) {
            counts.merge(event.get("msg_id").getAsString(), 1, Integer::sum);
        }
        return counts;
    }
}
