package io.smppgateway.http;

import static io.smppgateway.http.Http.fields;
import static io.smppgateway.http.Http.object;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Listing and downloading PDU logs, and every way a file id might try to leave the log folder. */
class LogsApiTest {

    static final LocalDate DAY1 = LocalDate.of(2024, 8, 25);
    static final LocalDate DAY2 = LocalDate.of(2024, 8, 26);
    /** The bound of one tail answer. */
    static final int TAIL = io.smppgateway.http.api.LogsResource.MAX_TAIL_BYTES;

    @TempDir
    static Path folder;
    static TestGateway gateway;
    static String secret;

    @BeforeAll
    static void start() throws IOException {
        gateway = new TestGateway(folder);
        SampleLogs.write(gateway.gatewayLogs, DAY1, "mysmsc-id-example", SampleLogs.MANUAL_ENTRIES);
        SampleLogs.write(gateway.gatewayLogs, DAY2, "mysmsc-id-example", "day two\n");
        SampleLogs.write(gateway.gatewayLogs, DAY2, "mysmsc-id-2", "other smsc\n");
        SampleLogs.write(gateway.gatewayLogs, DAY2, "odd/id é", "escaped name\n");
        SampleLogs.write(gateway.gatewayLogs, LocalDate.of(2024, 9, 1), "mysmsc-id-example", "later\n");
        SampleLogs.write(gateway.clientLogs, DAY1, "1234", "esme 1234\n");
        SampleLogs.write(gateway.clientLogs, DAY1, "1235", "esme 1235\n");
        // things in the folder that are not logs, and a secret next to it
        Files.writeString(gateway.gatewayLogs.resolve("notes.txt"), "not a log");
        Files.createDirectories(gateway.gatewayLogs.resolve("2024-08-25").resolve("sub.log"));
        secret = Files.writeString(folder.resolve("secret.log"), "do not serve").toString();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static JsonArray list(String query) {
        HttpResponse<String> response = Http.get(gateway.base + query);
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response).getAsJsonArray();
    }

    private static List<String> ids(JsonArray files) {
        return files.asList().stream().map(file -> file.getAsJsonObject().get("date").getAsString()
                + file.getAsJsonObject().get("name").getAsString()).toList();
    }

    @Test
    void listsTheManualsShapeWithinTheDateRange() {
        JsonArray files = list("/api/gateways/logs?dateFrom=2024-08-25&dateTo=2024-08-26");
        assertEquals(List.of("2024-08-25mysmsc-id-example.log", "2024-08-26mysmsc-id-2.log",
                "2024-08-26mysmsc-id-example.log", "2024-08-26odd%2Fid%20%C3%A9.log"), ids(files));
        JsonObject first = files.get(0).getAsJsonObject();
        assertEquals(List.of("date", "name", "size", "modTime", "modTimeUtc"), List.copyOf(first.keySet()),
                "the manual's four, then ours");
        assertEquals(SampleLogs.MANUAL_ENTRIES.getBytes(StandardCharsets.UTF_8).length, first.get("size").getAsLong());
        assertTrue(first.get("modTime").getAsString().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?"),
                first.get("modTime").getAsString());
        assertEquals(java.time.LocalDateTime.parse(first.get("modTime").getAsString()).atZone(java.time.ZoneId.systemDefault())
                .toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString().replaceAll("Z$", ""),
                java.time.Instant.parse(first.get("modTimeUtc").getAsString()).toString().replaceAll("Z$", ""));
        assertTrue(first.get("modTimeUtc").getAsString().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                first.get("modTimeUtc").getAsString());
    }

    @Test
    void aTailIsTheLastWholeLinesAndFollowingItGivesWhatWasWrittenSince() throws IOException {
        LocalDate day = LocalDate.of(2024, 9, 2);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; lines.length() < TAIL + 10_000; i++) {
            lines.append("line ").append(i).append('\n');
        }
        Path file = SampleLogs.write(gateway.gatewayLogs, day, "tailed", lines.toString());
        String url = gateway.base + "/api/gateways/logs/tail?file=2024-09-02tailed.log";

        JsonObject last = object(Http.get(url));
        String text = last.get("text").getAsString();
        assertTrue(text.length() <= TAIL && text.length() > TAIL - 20, "bounded");
        assertTrue(text.startsWith("line ") && text.endsWith("\n"), "whole lines: " + text.substring(0, 20));
        assertTrue(lines.toString().endsWith(text));
        assertEquals(Files.size(file), last.get("next").getAsLong());
        assertEquals(Files.size(file), last.get("size").getAsLong());

        Files.writeString(file, "new one\nhalf", java.nio.file.StandardOpenOption.APPEND);
        JsonObject more = object(Http.get(url + "&from=" + last.get("next").getAsLong()));
        assertEquals("new one\n", more.get("text").getAsString(), "a half-written line waits");
        Files.writeString(file, " done\n", java.nio.file.StandardOpenOption.APPEND);
        JsonObject rest = object(Http.get(url + "&from=" + more.get("next").getAsLong()));
        assertEquals("half done\n", rest.get("text").getAsString());
        assertFalse(rest.get("restarted").getAsBoolean());

        Files.writeString(file, "replaced\n");
        JsonObject again = object(Http.get(url + "&from=" + rest.get("next").getAsLong()));
        assertTrue(again.get("restarted").getAsBoolean());
        assertEquals("replaced\n", again.get("text").getAsString());
    }

    @Test
    void aTailNeedsAFileOfTheFolderAndAnOffset() {
        assertTrue(fields(Http.get(gateway.base + "/api/gateways/logs/tail")).has("file"));
        assertEquals(400, Http.get(gateway.base + "/api/gateways/logs/tail?file=..%2Fsecret.log").statusCode());
        assertEquals(404, Http.get(gateway.base + "/api/gateways/logs/tail?file=2024-09-03none.log").statusCode());
        HttpResponse<String> badOffset = Http.get(gateway.base
                + "/api/gateways/logs/tail?file=2024-08-25mysmsc-id-example.log&from=-1");
        assertEquals(400, badOffset.statusCode());
        assertTrue(fields(badOffset).has("from"));
        assertEquals("esme 1234\n", object(Http.get(gateway.base + "/api/clients/logs/tail?file=2024-08-251234.log"))
                .get("text").getAsString());
    }

    @Test
    void theGatewaysOwnLogIsItsLastEventsBounded() {
        gateway.live.daemonLines.clear();
        gateway.live.daemonLines.addAll(List.of("2024-08-25T10:00:00.000Z [main] INFO A - one",
                "2024-08-25T10:00:01.000Z [main] WARN B - two", "2024-08-25T10:00:02.000Z [main] INFO C - three"));

        JsonObject two = object(Http.get(gateway.base + "/api/logs/daemon?lines=2"));
        assertEquals(List.of("2024-08-25T10:00:01.000Z [main] WARN B - two", "2024-08-25T10:00:02.000Z [main] INFO C - three"),
                two.getAsJsonArray("lines").asList().stream().map(e -> e.getAsString()).toList());
        assertEquals(3, object(Http.get(gateway.base + "/api/logs/daemon")).getAsJsonArray("lines").size());
        for (String lines : List.of("0", "1001", "x")) {
            HttpResponse<String> refused = Http.get(gateway.base + "/api/logs/daemon?lines=" + lines);
            assertEquals(400, refused.statusCode(), lines);
            assertTrue(fields(refused).has("lines"));
        }
        assertEquals(401, Http.send(Http.request(gateway.base + "/api/logs/daemon").GET().build()).statusCode());
    }

    @Test
    void filtersBySmscIdInEveryListForm() {
        for (String filter : List.of("smscIds[]=mysmsc-id-2", "smscIds%5B%5D=mysmsc-id-2", "smscIds%5B0%5D=mysmsc-id-2",
                "smscIds[0]=mysmsc-id-2", "smscIds=mysmsc-id-2")) {
            JsonArray files = list("/api/gateways/logs?dateFrom=2024-08-25&dateTo=2024-08-26&" + filter);
            assertEquals(List.of("2024-08-26mysmsc-id-2.log"), ids(files), filter);
        }
        JsonArray two = list("/api/gateways/logs?dateFrom=2024-08-01&dateTo=2024-09-30"
                + "&smscIds[]=mysmsc-id-2&smscIds[]=odd%2Fid%20%C3%A9");
        assertEquals(List.of("2024-08-26mysmsc-id-2.log", "2024-08-26odd%2Fid%20%C3%A9.log"), ids(two));
    }

    @Test
    void clientLogsFilterByNumericClientIds() {
        assertEquals(List.of("2024-08-251234.log", "2024-08-251235.log"),
                ids(list("/api/clients/logs?dateFrom=2024-08-25&dateTo=2024-08-25")));
        assertEquals(List.of("2024-08-251235.log"),
                ids(list("/api/clients/logs?dateFrom=2024-08-25&dateTo=2024-08-25&clientIds[]=1235")));
        HttpResponse<String> refused = Http.get(gateway.base
                + "/api/clients/logs?dateFrom=2024-08-25&dateTo=2024-08-25&clientIds[]=abc");
        assertEquals(400, refused.statusCode());
        assertTrue(fields(refused).has("clientIds"));
    }

    @Test
    void datesAreRequiredAndChecked() {
        HttpResponse<String> none = Http.get(gateway.base + "/api/gateways/logs");
        assertEquals(400, none.statusCode());
        assertEquals(List.of("dateFrom", "dateTo"), List.copyOf(fields(none).keySet()));
        HttpResponse<String> bad = Http.get(gateway.base + "/api/gateways/logs?dateFrom=2024-02-30&dateTo=tomorrow");
        assertEquals(400, bad.statusCode());
        assertEquals(2, fields(bad).size());
        HttpResponse<String> reversed = Http.get(gateway.base + "/api/gateways/logs?dateFrom=2024-08-26&dateTo=2024-08-25");
        assertEquals(400, reversed.statusCode());
        assertTrue(fields(reversed).has("dateTo"));
    }

    @Test
    void oneFileComesGzippedWhenTheClientAcceptsGzip() throws IOException {
        HttpResponse<byte[]> response = Http.sendForBytes(Http.withToken(gateway.base
                + "/api/gateways/logs/download?files[]=2024-08-25mysmsc-id-example.log")
                .header("Accept-Encoding", "gzip, deflate").GET().build());
        assertEquals(200, response.statusCode());
        assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElse(""));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        byte[] unpacked = new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes();
        assertEquals(SampleLogs.MANUAL_ENTRIES, new String(unpacked, StandardCharsets.UTF_8));
    }

    @Test
    void oneFileComesPlainToAClientThatDoesNotAskForGzip() {
        HttpResponse<String> response = Http.get(gateway.base
                + "/api/gateways/logs/download?files[]=2024-08-25mysmsc-id-example.log");
        assertEquals(200, response.statusCode());
        assertFalse(response.headers().firstValue("Content-Encoding").isPresent());
        assertEquals(SampleLogs.MANUAL_ENTRIES, response.body());
    }

    @Test
    void gzipRefusedWithQZeroIsNotUsed() {
        HttpResponse<byte[]> response = Http.sendForBytes(Http.withToken(gateway.base
                + "/api/clients/logs/download?files[]=2024-08-251234.log")
                .header("Accept-Encoding", "gzip;q=0, identity").GET().build());
        assertEquals("esme 1234\n", new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void severalFilesComeAsOneZip() throws IOException {
        HttpResponse<byte[]> response = Http.sendForBytes(Http.withToken(gateway.base
                + "/api/gateways/logs/download?files[]=2024-08-25mysmsc-id-example.log"
                + "&files[]=2024-08-26mysmsc-id-2.log&files[]=2024-08-26odd%252Fid%2520%25C3%25A9.log")
                .header("Accept-Encoding", "gzip").GET().build());
        assertEquals(200, response.statusCode());
        assertEquals("application/zip", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(List.of("2024-08-25mysmsc-id-example.log", "2024-08-26mysmsc-id-2.log",
                "2024-08-26odd%2Fid%20%C3%A9.log"), List.copyOf(entries.keySet()));
        assertEquals(SampleLogs.MANUAL_ENTRIES, entries.get("2024-08-25mysmsc-id-example.log"));
        assertEquals("escaped name\n", entries.get("2024-08-26odd%2Fid%20%C3%A9.log"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "files[]=../secret.log",
            "files[]=..%2Fsecret.log",
            "files[]=%2E%2E%2Fsecret.log",
            "files[]=%252E%252E%252Fsecret.log",
            "files[]=2024-08-25../../secret.log",
            "files[]=2024-08-25..%2F..%2Fsecret.log",
            "files[]=2024-08-25%2E%2E%2F%2E%2E%2Fsecret.log",
            "files[]=2024-08-25%252E%252E%252F%252E%252E%252Fsecret.log",
            "files[]=2024-08-25%25%32%65%25%32%65%25%32%66secret.log",
            "files[]=2024-08-25..%5C..%5Csecret.log",
            "files[]=2024-08-25/etc/passwd",
            "files[]=/etc/passwd",
            "files[]=%2Fetc%2Fpasswd",
            "files[]=2024-08-25%00.log",
            "files[]=2024-08-25mysmsc-id-example.log%00.txt",
            "files[]=2024-08-25mysmsc-id-example.txt",
            "files[]=2024-08-25.log",
            "files[]=2024-13-01x.log",
            "files[]=C:%5CWindows%5Cwin.ini",
            "files[]=2024-08-25mysmsc-id-example.log&files[]=2024-08-25../../secret.log",
    })
    void fileIdsThatLeaveTheLogFolderAre400AndNothingIsRead(String query) {
        for (String side : List.of("gateways", "clients")) {
            HttpResponse<String> refused = Http.get(gateway.base + "/api/" + side + "/logs/download?" + query);
            assertEquals(400, refused.statusCode(), side + " " + query + ": " + refused.body());
            assertTrue(fields(refused).has("files"), refused.body());
            assertFalse(refused.body().contains("do not serve"));
        }
    }

    @Test
    void absoluteFolderOfTheSecretIsRefusedToo() {
        HttpResponse<String> refused = Http.get(gateway.base + "/api/gateways/logs/download?files[]="
                + java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8));
        assertEquals(400, refused.statusCode());
    }

    @Test
    void aWellFormedIdWithNoFileIs404() {
        assertEquals(404, Http.get(gateway.base + "/api/gateways/logs/download?files[]=2024-08-25nobody.log")
                .statusCode());
        assertEquals(404, Http.get(gateway.base + "/api/gateways/logs/download?files[]=2024-08-25sub.log")
                .statusCode(), "a folder with a log's name is not a log");
    }

    @Test
    void downloadNeedsFilesAndAtMostAHundred() {
        HttpResponse<String> none = Http.get(gateway.base + "/api/gateways/logs/download");
        assertEquals(400, none.statusCode());
        assertEquals("required", fields(none).get("files").getAsString());
        StringBuilder many = new StringBuilder("/api/gateways/logs/download?");
        for (int i = 0; i < 101; i++) {
            many.append("files[]=2024-08-25x").append(i).append(".log&");
        }
        HttpResponse<String> tooMany = Http.get(gateway.base + many);
        assertEquals(400, tooMany.statusCode());
        assertTrue(fields(tooMany).has("files"));
    }

    @Test
    void aSymbolicLinkOutOfTheFolderIsNeitherListedNorServed() throws IOException {
        Path link = gateway.clientLogs.resolve("2024-08-25").resolve("999.log");
        try {
            Files.createSymbolicLink(link, Path.of(secret));
        } catch (UnsupportedOperationException e) {
            return; // a file system without links cannot be tricked this way
        }
        try {
            assertEquals(List.of("2024-08-251234.log", "2024-08-251235.log"),
                    ids(list("/api/clients/logs?dateFrom=2024-08-25&dateTo=2024-08-25")));
            HttpResponse<String> refused = Http.get(gateway.base + "/api/clients/logs/download?files[]=2024-08-25999.log");
            assertFalse(refused.body().contains("do not serve"));
            assertEquals(404, refused.statusCode());
        } finally {
            Files.delete(link);
        }
    }

    @Test
    void singleFileBytesAreExactlyTheFiles() throws IOException {
        HttpResponse<byte[]> response = Http.sendForBytes(Http.withToken(gateway.base
                + "/api/clients/logs/download?files[]=2024-08-251235.log").GET().build());
        assertArrayEquals(Files.readAllBytes(gateway.clientLogs.resolve("2024-08-25").resolve("1235.log")),
                response.body());
    }
}
