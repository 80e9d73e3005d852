package io.smppgateway.runner.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An nsqd of the test's own that the test may stop and start again on the same ports and data
 * folder, as an operator restarting nsqd does: what nsqd had accepted is on disk when it stops
 * cleanly and comes back with it. Clients see the connection drop and must reconnect by themselves.
 */
public final class RestartableNsqd implements AutoCloseable {

    private final Path folder;
    private final Duration msgTimeout;
    private final int tcpPort = TestServices.freePort();
    private final int httpPort = TestServices.freePort();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int starts;

    private RestartableNsqd(Path folder, Duration msgTimeout) {
        this.folder = folder;
        this.msgTimeout = msgTimeout;
    }

    public static RestartableNsqd start(Path folder, Duration msgTimeout) throws IOException {
        RestartableNsqd nsqd = new RestartableNsqd(folder, msgTimeout);
        nsqd.startProcess();
        return nsqd;
    }

    private void startProcess() throws IOException {
        starts++;
        process = new ProcessBuilder(List.of(TestServices.nsqdBinary(),
                "--tcp-address=127.0.0.1:" + tcpPort, "--http-address=127.0.0.1:" + httpPort,
                "--data-path=" + folder, "--msg-timeout=" + msgTimeout.toMillis() + "ms", "--log-level=warn"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                        folder.resolve("nsqd.log").toFile())).start();
        Awaiting.until(this::answersPing, () -> "nsqd (start " + starts + ") did not answer /ping on port " + httpPort);
    }

    /** SIGTERM (nsqd writes what it holds to disk), then the same nsqd again once it answers /ping. */
    public void restart(Duration down) throws IOException, InterruptedException {
        stop();
        Thread.sleep(down.toMillis());
        startProcess();
    }

    public int tcpPort() {
        return tcpPort;
    }

    /** host:port of the HTTP interface. */
    public String http() {
        return "127.0.0.1:" + httpPort;
    }

    /** Publishes one message with HTTP /pub; true when nsqd answered 200 (it then holds the message). */
    public boolean publish(String topic, String body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://" + http() + "/pub?topic=" + topic)).timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean answersPing() {
        if (!process.isAlive()) {
            throw new IllegalStateException("nsqd exited with " + process.exitValue() + "; see " + folder
                    .resolve("nsqd.log"));
        }
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://" + http() + "/ping"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body().strip()
                    .equals("OK");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
