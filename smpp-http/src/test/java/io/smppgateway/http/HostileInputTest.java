package io.smppgateway.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed paths and query strings, sent as raw bytes over a socket: each is answered with a 4xx
 * (400, 404 or 414), never a 500, never a stack trace, never a connection cut without an answer.
 */
class HostileInputTest {

    @TempDir
    static Path folder;
    static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = new TestGateway(folder);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    static Stream<String> targets() {
        String logs = "/api/gateways/logs/download?files[]=";
        return Stream.of(
                logs + "2024-08-25" + "a".repeat(8 * 1024) + ".log",
                logs + "2024-08-25" + "a".repeat(12 * 1024) + ".log",
                logs + "2024-08-25" + "a".repeat(15 * 1024) + ".log",
                "/api/clients/logs/download?files[]=2024-08-25" + "%41".repeat(4000) + ".log",
                logs + "2024-08-25%FF%FE.log",
                logs + "2024-08-25%C0%AF..%C0%AFetc.log",
                logs + "%ZZ",
                "/api/gateways/logs?dateFrom=" + "9".repeat(10_000) + "&dateTo=2024-08-25",
                "/api/gateways/logs?dateFrom=%FF&dateTo=%FE",
                "/api/clients/logs?dateFrom=2024-08-25&dateTo=2024-08-25&clientIds[]=" + "1".repeat(10_000),
                "/api/gateways/" + "9".repeat(10_000),
                "/api/gateways/%FF%FE",
                "/api/clients/" + "x".repeat(12_000),
                "/api/gateways?" + "a=1&".repeat(2000),
                "/" + "a".repeat(15_000) + ".html",
                "/%FF%FE.html",
                "/api/gateways?x=" + "y".repeat(40_000),
                "/api/health?" + "q".repeat(70_000));
    }

    @ParameterizedTest
    @MethodSource("targets")
    void everyBadInputIsAClientError(String target) throws IOException {
        String answer = rawGet(target);
        String statusLine = answer.isEmpty() ? "(no answer)" : answer.substring(0, answer.indexOf('\r'));
        assertTrue(statusLine.matches("HTTP/1\\.1 4\\d\\d .*"), shorten(target) + " answered " + statusLine);
        assertFalse(answer.contains("Exception") || answer.contains("\tat "), "a stack trace in " + answer);
    }

    @org.junit.jupiter.api.Test
    void aLongIdIsNotEchoedBackWhole() throws IOException {
        String answer = rawGet("/api/gateways/" + "9".repeat(10_000));
        assertTrue(answer.startsWith("HTTP/1.1 404"), answer.substring(0, Math.min(80, answer.length())));
        assertTrue(answer.length() < 2000, answer.length() + " bytes answered");
    }

    @ParameterizedTest
    @MethodSource("rawBytes")
    void bytesThatAreNotUtf8AreAClientError(byte[] path) throws IOException {
        String answer = raw(path);
        String statusLine = answer.isEmpty() ? "(no answer)" : answer.substring(0, answer.indexOf('\r'));
        assertTrue(statusLine.matches("HTTP/1\\.1 4\\d\\d .*"), "answered " + statusLine);
    }

    static Stream<byte[]> rawBytes() {
        return Stream.of(
                new byte[] {'/', 'a', 'p', 'i', '/', 'g', 'a', 't', 'e', 'w', 'a', 'y', 's', '/', (byte) 0xff},
                new byte[] {'/', (byte) 0xc3, (byte) 0x28, '.', 'h', 't', 'm', 'l'});
    }

    private static String rawGet(String target) throws IOException {
        return raw(target.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String raw(byte[] target) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", gateway.server.port()), 5000);
            socket.setSoTimeout(20_000);
            try {
                socket.getOutputStream().write("GET ".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().write(target);
                socket.getOutputStream().write((" HTTP/1.1\r\nHost: x\r\nX-API-Key: " + TestGateway.TOKEN
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            } catch (java.net.SocketException answeredEarly) {
                // the server refused a request line too long before it was all sent: its answer is read below
            }
            InputStream in = socket.getInputStream();
            try {
                return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (java.net.SocketException reset) {
                return "";
            }
        }
    }

    private static String shorten(String target) {
        return target.length() > 80 ? target.substring(0, 80) + "... (" + target.length() + " chars)" : target;
    }
}
