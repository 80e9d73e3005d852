package io.smppgateway.runner.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.nsq.NsqAddress;
import io.smppgateway.nsq.NsqConsumer;
import io.smppgateway.nsq.NsqConsumerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The user's application on the other side of NSQ, as the manual's examples write it: a consumer
 * on the SMS_IN topic (channel {@code data}) that reads each body as JSON and finishes it, and
 * DLR_OUT events (and SMS_OUT) published with nsqd's plain HTTP {@code /pub}.
 */
final class NsqApplication implements AutoCloseable {

    private final BlockingQueue<JsonObject> smsIn = new LinkedBlockingQueue<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final NsqConsumer consumer;
    private final String nsqdHttp;
    private final String dlrOutTopic;

    /**
     * @param nsqdHttp    host:port of nsqd's HTTP interface, for publishing
     * @param dlrOutTopic the gateway's NSQ_DLR_OUT_TOPIC
     */
    NsqApplication(String nsqdHost, int nsqdTcpPort, String smsInTopic, String nsqdHttp, String dlrOutTopic) {
        this.nsqdHttp = nsqdHttp;
        this.dlrOutTopic = dlrOutTopic;
        this.consumer = NsqConsumer.start(NsqConsumerConfig.defaults(smsInTopic, "data")
                .withNsqd(List.of(new NsqAddress(nsqdHost, nsqdTcpPort))).withMaxInFlight(20), delivery -> {
                    smsIn.add(JsonParser.parseString(delivery.message().bodyAsString()).getAsJsonObject());
                    delivery.finish();
                });
    }

    /** The next {@code count} SMS_IN events, in the order they came; fails after 60 s without them. */
    List<JsonObject> takeSmsIn(int count) throws InterruptedException {
        List<JsonObject> taken = new ArrayList<>(count);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (taken.size() < count) {
            JsonObject next = smsIn.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("only " + taken.size() + " of " + count + " SMS_IN events within 60 s: "
                        + taken);
            }
            taken.add(next);
        }
        return taken;
    }

    /** SMS_IN events that came and were not taken yet. */
    List<JsonObject> untaken() {
        List<JsonObject> rest = new ArrayList<>();
        smsIn.drainTo(rest);
        return rest;
    }

    /** Publishes the manual's DLR_OUT body: {@code client_id}, {@code msg_id}, {@code status}, {@code err_code}. */
    void publishDlrOut(long clientId, String msgId, String status, int errCode) {
        JsonObject dlr = new JsonObject();
        dlr.addProperty("client_id", clientId);
        dlr.addProperty("msg_id", msgId);
        dlr.addProperty("status", status);
        dlr.addProperty("err_code", errCode);
        try {
            HttpResponse<String> response = pub(dlrOutTopic, dlr.toString());
            assertEquals(200, response.statusCode(), "nsqd /pub answered " + response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish DLR_OUT to nsqd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing DLR_OUT", e);
        }
    }

    /**
     * Publishes {@code body} on {@code topic} (an SMS_OUT, say) with HTTP /pub.
     *
     * @return whether nsqd answered 200: it then holds the message; false when it refused or could not be reached
     */
    boolean publish(String topic, String body) {
        try {
            return pub(topic, body).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpResponse<String> pub(String topic, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + nsqdHttp + "/pub?topic="
                        + URLEncoder.encode(topic, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        consumer.closeAsync().orTimeout(30, TimeUnit.SECONDS).join();
    }
}
