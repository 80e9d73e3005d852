package io.smppgateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Peers that open sockets and then send slowly or not at all, over real sockets: they may hold a
 * socket for a bounded time, never a worker thread, and never the port.
 */
class SlowPeersTest {

    /** Far more than any bound under test, so that "closed within" fails only when it is not closed at all. */
    private static final Duration GENEROUS = Duration.ofSeconds(20);

    @TempDir
    Path folder;

    @Test
    void loginBodiesThatNeverComeLeaveTheApiAnswering() throws Exception {
        HttpConfig config = HttpConfig.of(TestGateway.TOKEN, TestGateway.ADMIN, TestGateway.PASSWORD)
                .withAddress("127.0.0.1", 0).withWorkers(2, 2);
        try (TestGateway gateway = new TestGateway(folder, config)) {
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    stalled.add(headersOnly(gateway, "POST /auth/login HTTP/1.1\r\nHost: x\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"user"));
                }
                Thread.sleep(300); // let the server take them all in; the checks below do not depend on it

                HttpResponse<String> health = Http.get(gateway.base + "/api/health");
                assertEquals(200, health.statusCode(), health.body());
                HttpResponse<String> login = Http.send(Http.request(gateway.base + "/auth/login")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + TestGateway.ADMIN
                                + "\",\"password\":\"" + TestGateway.PASSWORD + "\"}")).build());
                assertEquals(200, login.statusCode(), login.body());
            } finally {
                closeAll(stalled);
            }
        }
    }

    @Test
    void apiBodiesThatNeverComeLeaveTheApiAnswering() throws Exception {
        HttpConfig config = HttpConfig.of(TestGateway.TOKEN, TestGateway.ADMIN, TestGateway.PASSWORD)
                .withAddress("127.0.0.1", 0).withWorkers(2, 2);
        try (TestGateway gateway = new TestGateway(folder, config)) {
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    stalled.add(headersOnly(gateway, "POST /api/gateways HTTP/1.1\r\nHost: x\r\nX-API-Key: "
                            + TestGateway.TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"));
                }
                Thread.sleep(300);

                HttpResponse<String> list = Http.get(gateway.base + "/api/gateways");
                assertEquals(200, list.statusCode(), list.body());
                assertEquals(200, Http.get(gateway.base + "/api/health").statusCode());
            } finally {
                closeAll(stalled);
            }
        }
    }

    @Test
    void aBodyThatComesInPiecesAfterItsHeadersIsServed() throws Exception {
        try (TestGateway gateway = new TestGateway(folder)) {
            String body = "{\"username\":\"" + TestGateway.ADMIN + "\",\"password\":\"" + TestGateway.PASSWORD + "\"}";
            try (Socket socket = headersOnly(gateway, "POST /auth/login HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n")) {
                OutputStream out = socket.getOutputStream();
                for (int i = 0; i < body.length(); i += 10) {
                    Thread.sleep(100); // each piece in its own packet, after the server has gone back to waiting
                    out.write(body.substring(i, Math.min(body.length(), i + 10)).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                String head = readAnswerHead(socket);
                assertTrue(head.startsWith("HTTP/1.1 200"), head);
                assertTrue(head.contains("smpp_admin="), head);
            }
        }
    }

    @Test
    void headersSentOneLineAtATimeAreCutAtTheParseTimeout() throws Exception {
        Duration parse = Duration.ofSeconds(1);
        HttpConfig config = HttpConfig.of(TestGateway.TOKEN, TestGateway.ADMIN, TestGateway.PASSWORD)
                .withAddress("127.0.0.1", 0)
                .withLimits(ConnectionLimits.defaults().withTimeouts(parse, Duration.ofMinutes(5),
                        Duration.ofMinutes(5), Duration.ofMinutes(5)));
        try (TestGateway gateway = new TestGateway(folder, config);
             Socket slowloris = headersOnly(gateway, "GET /api/health HTTP/1.1\r\nHost: x\r\n")) {
            long started = System.nanoTime();
            slowloris.setSoTimeout(200);
            OutputStream out = slowloris.getOutputStream();
            boolean closed = false;
            for (int line = 0; !closed && System.nanoTime() - started < GENEROUS.toNanos(); line++) {
                try {
                    out.write(("X-Slow-" + line + ": still here\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    closed = slowloris.getInputStream().read() < 0;
                } catch (SocketTimeoutException stillOpen) {
                    // no answer yet: send the next line
                } catch (IOException reset) {
                    closed = true;
                }
            }
            assertTrue(closed, "a peer still sending headers after " + GENEROUS + " is not cut off");
            // and the port still answers
            assertEquals(200, Http.get(gateway.base + "/api/health").statusCode());
        }
    }

    @Test
    void aConnectionThatNeverSendsARequestIsClosed() throws Exception {
        HttpConfig config = HttpConfig.of(TestGateway.TOKEN, TestGateway.ADMIN, TestGateway.PASSWORD)
                .withAddress("127.0.0.1", 0)
                .withLimits(ConnectionLimits.defaults().withTimeouts(Duration.ofMinutes(5), Duration.ofSeconds(1),
                        Duration.ofMinutes(5), Duration.ofMinutes(5)));
        try (TestGateway gateway = new TestGateway(folder, config);
             Socket silent = headersOnly(gateway, "")) {
            assertTrue(closedWithin(silent, GENEROUS), "a silent connection is held open");
        }
    }

    @Test
    void aBodyThatStopsComingIsClosedAtTheReadTimeout() throws Exception {
        HttpConfig config = HttpConfig.of(TestGateway.TOKEN, TestGateway.ADMIN, TestGateway.PASSWORD)
                .withAddress("127.0.0.1", 0)
                .withLimits(ConnectionLimits.defaults().withTimeouts(Duration.ofMinutes(5), Duration.ofMinutes(5),
                        Duration.ofMinutes(5), Duration.ofSeconds(1)));
        try (TestGateway gateway = new TestGateway(folder, config);
             Socket stalled = headersOnly(gateway, "POST /auth/login HTTP/1.1\r\nHost: x\r\n"
                     + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"user")) {
            assertTrue(closedWithin(stalled, GENEROUS), "a body that stopped coming holds its connection");
        }
    }

    @Test
    void connectionsBeyondTheLimitWaitUntilOthersClose() throws Exception {
        HttpConfig config = HttpConfig.of(TestGateway.TOKEN, TestGateway.ADMIN, TestGateway.PASSWORD)
                .withAddress("127.0.0.1", 0)
                .withLimits(ConnectionLimits.defaults().withMaxConnections(4));
        String health = "GET /api/health HTTP/1.1\r\nHost: x\r\nX-API-Key: " + TestGateway.TOKEN + "\r\n";
        try (TestGateway gateway = new TestGateway(folder, config)) {
            List<Socket> held = new ArrayList<>();
            try {
                int answered = 0;
                for (int i = 0; i < 6; i++) {
                    Socket socket = headersOnly(gateway, health + "\r\n");
                    held.add(socket);
                    socket.setSoTimeout(1000);
                    try {
                        if (readAnswerHead(socket).startsWith("HTTP/1.1 200")) {
                            answered++;
                        }
                    } catch (SocketTimeoutException waiting) {
                        // not taken in: the limit is reached
                    }
                }
                // XNIO may stop accepting one short of the limit, never beyond it
                assertTrue(answered >= 3 && answered <= 4, answered + " of 6 kept-alive connections answered");
                try (Socket extra = headersOnly(gateway, health + "Connection: close\r\n\r\n")) {
                    extra.setSoTimeout(1000);
                    // the kernel accepted it, the server has not: no answer while the others are open
                    assertThrows(SocketTimeoutException.class, () -> extra.getInputStream().read());
                    closeAll(held);
                    extra.setSoTimeout((int) GENEROUS.toMillis());
                    assertTrue(readAnswerHead(extra).startsWith("HTTP/1.1 200"), "answered once others closed");
                }
            } finally {
                closeAll(held);
            }
        }
    }

    private static Socket headersOnly(TestGateway gateway, String text) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", gateway.server.port()), 5000);
        socket.setSoTimeout((int) GENEROUS.toMillis());
        if (!text.isEmpty()) {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }
        return socket;
    }

    private static boolean closedWithin(Socket socket, Duration bound) throws IOException {
        socket.setSoTimeout((int) bound.toMillis());
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** The status line and headers of one answer (its body is left unread). */
    private static String readAnswerHead(Socket socket) throws IOException {
        StringBuilder head = new StringBuilder();
        InputStream in = socket.getInputStream();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }
}
