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

/** An nsqlookupd of the test's own: the {@code SMPP_TEST_NSQLOOKUPD_BIN} binary on free ports. */
public final class PrivateNsqlookupd implements AutoCloseable {

    private final Process process;
    private final int tcpPort;
    private final int httpPort;
    private final HttpClient http = HttpClient.newHttpClient();

    private PrivateNsqlookupd(Process process, int tcpPort, int httpPort) {
        this.process = process;
        this.tcpPort = tcpPort;
        this.httpPort = httpPort;
    }

    public static PrivateNsqlookupd start(Path folder) throws IOException {
        int tcpPort = TestServices.freePort();
        int httpPort = TestServices.freePort();
        Process process = new ProcessBuilder(List.of(TestServices.required("SMPP_TEST_NSQLOOKUPD_BIN"),
                "--tcp-address=127.0.0.1:" + tcpPort, "--http-address=127.0.0.1:" + httpPort,
                "--broadcast-address=127.0.0.1", "--log-level=warn"))
                .redirectErrorStream(true).redirectOutput(folder.resolve("nsqlookupd.log").toFile()).start();
        PrivateNsqlookupd lookupd = new PrivateNsqlookupd(process, tcpPort, httpPort);
        Awaiting.until(() -> lookupd.get("/ping").equals("OK"),
                () -> "nsqlookupd did not answer /ping on port " + httpPort);
        return lookupd;
    }

    /** Where nsqd registers. */
    public int tcpPort() {
        return tcpPort;
    }

    /** host:port of its HTTP listener, as NSQ_LOOKUPD_HTTP_ADDRESSES names it. */
    public String httpAddress() {
        return "127.0.0.1:" + httpPort;
    }

    /** Its answer to {@code /lookup?topic=}: the JSON text, or the empty string while it knows no such topic. */
    public String lookup(String topic) {
        return get("/lookup?topic=" + topic);
    }

    private String get(String path) {
        if (!process.isAlive()) {
            throw new IllegalStateException("nsqlookupd exited with " + process.exitValue());
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body().strip() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
