package io.smppgateway.nsq;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** The shared test nsqd named by SMPP_TEST_NSQD_TCP / SMPP_TEST_NSQD_HTTP, and HTTP helpers for any nsqd. */
final class TestNsqd {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicInteger SEQ = new AtomicInteger();

    private TestNsqd() {
    }

    static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name
                    + " is not set: run the tests through scripts/test.sh, or export it (see README.md)");
        }
        return value;
    }

    static NsqAddress tcp() {
        return NsqAddress.parse(env("SMPP_TEST_NSQD_TCP"));
    }

    static NsqAddress http() {
        return NsqAddress.parse(env("SMPP_TEST_NSQD_HTTP"));
    }

    /** A topic name no other test or run uses. */
    static String uniqueTopic(String purpose) {
        return "t_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8) + "_" + SEQ.incrementAndGet();
    }

    /** Creates the channel ahead of publishing, so that nothing published before SUB is skipped. */
    static void createChannel(NsqAddress http, String topic, String channel) {
        post(http, "/topic/create?topic=" + topic);
        post(http, "/channel/create?topic=" + topic + "&channel=" + channel);
    }

    /** nsqd's /stats for one topic, as JSON text. */
    static String stats(NsqAddress http, String topic) {
        return get(http, "/stats?format=json&topic=" + topic);
    }

    static String get(NsqAddress http, String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create("http://" + http + pathAndQuery)).GET());
    }

    static String post(NsqAddress http, String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create("http://" + http + pathAndQuery))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("nsqd HTTP " + r.uri() + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
