package io.smppgateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manual's example programs, called the way each of them calls the API: the headers and the
 * body or query string that Python requests, PHP curl, JavaScript fetch, Go net/http and Java's
 * HttpClient really send for the manual's code, byte for byte over a plain socket where the
 * client library matters (Java's HttpClient is used as itself).
 */
class ManualExamplesTest {

    @TempDir
    static Path folder;
    static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = new TestGateway(folder);
        SampleLogs.write(gateway.gatewayLogs, LocalDate.of(2024, 8, 25), "mysmsc-id-example", SampleLogs.MANUAL_ENTRIES);
        SampleLogs.write(gateway.gatewayLogs, LocalDate.of(2024, 8, 26), "mysmsc-id-example", "second day\n");
        SampleLogs.write(gateway.clientLogs, LocalDate.of(2024, 8, 25), "1234", "esme log\n");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @BeforeEach
    void reset() {
        gateway.reset();
    }

    /** A raw HTTP/1.1 exchange: the request exactly as given, the response read until the server closes. */
    private static RawResponse raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", gateway.server.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return RawResponse.parse(all.toByteArray());
        }
    }

    private static String host() {
        return "127.0.0.1:" + gateway.server.port();
    }

    // ---- Python requests: requests.post(url, headers={'X-API-Key': ...}, json={...}) ----

    @Test
    void pythonRequestsPostJson() throws IOException {
        // requests serialises json= with json.dumps: ", " and ": " separators, True -> true
        String body = "{\"username\": \"myclient1\", \"password\": \"qwerty123\", \"allow_ip\": "
                + "\"11.22.33.44,55.66.77.88\", \"throughput\": 0, \"binds\": 3, \"enabled\": true}";
        RawResponse response = raw("POST /api/clients HTTP/1.1\r\n"
                + "Host: " + host() + "\r\n"
                + "User-Agent: python-requests/2.32.3\r\n"
                + "Accept-Encoding: gzip, deflate\r\n"
                + "Accept: */*\r\n"
                + "Connection: close\r\n"
                + "X-API-Key: " + TestGateway.TOKEN + "\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"
                + "Content-Type: application/json\r\n\r\n" + body);
        assertEquals(201, response.status, response.text());
        assertEquals("myclient1", JsonParser.parseString(response.text()).getAsJsonObject().get("username").getAsString());
    }

    @Test
    void pythonRequestsLogsListAndDownload() throws IOException {
        // params={'smscIds[]': ['mysmsc-id-example']} is urlencoded by requests as smscIds%5B%5D=...
        RawResponse list = raw("GET /api/gateways/logs?dateFrom=2024-08-25&dateTo=2024-08-26"
                + "&smscIds%5B%5D=mysmsc-id-example HTTP/1.1\r\nHost: " + host() + "\r\n"
                + "User-Agent: python-requests/2.32.3\r\nAccept-Encoding: gzip, deflate\r\nAccept: */*\r\n"
                + "Connection: close\r\nX-API-Key: " + TestGateway.TOKEN + "\r\n\r\n");
        assertEquals(200, list.status, list.text());
        assertEquals(2, JsonParser.parseString(list.decodedText()).getAsJsonArray().size());

        // params={'files[]': ['2024-08-25mysmsc-id-example.log']}; print(resp.text) reads it unpacked
        RawResponse download = raw("GET /api/gateways/logs/download?files%5B%5D=2024-08-25mysmsc-id-example.log "
                + "HTTP/1.1\r\nHost: " + host() + "\r\nUser-Agent: python-requests/2.32.3\r\n"
                + "Accept-Encoding: gzip, deflate\r\nAccept: */*\r\nConnection: close\r\n"
                + "X-API-Key: " + TestGateway.TOKEN + "\r\n\r\n");
        assertEquals(200, download.status);
        assertEquals("gzip", download.headers.get("content-encoding"));
        assertEquals(SampleLogs.MANUAL_ENTRIES, download.decodedText());
    }

    // ---- PHP curl: CURLOPT_HTTPHEADER, json_encode, http_build_query ----

    @Test
    void phpCurlPostJsonEncode() throws IOException {
        // json_encode writes compact JSON and escapes "/" as "\/"
        String body = "{\"smsc_id\":\"mysmsc-id-example\",\"host\":\"smpp.mygateway.com\",\"port\":2775,"
                + "\"username\":\"myusername\",\"password\":\"mypassw\",\"enq_interval\":30,\"src_autodetect\":true,"
                + "\"dst_autodetect\":true,\"tx_binds\":0,\"rx_binds\":0,\"trx_binds\":1,\"smpp_version\":\"3.4\","
                + "\"is_gsm7\":true,\"is_secure\":false,\"enabled\":true,\"system_type\":\"a\\/b\"}";
        RawResponse response = raw("POST /api/gateways HTTP/1.1\r\nHost: " + host() + "\r\nAccept: */*\r\n"
                + "Content-Type: application/json\r\nX-API-Key: " + TestGateway.TOKEN + "\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
        assertEquals(201, response.status, response.text());
        assertEquals("a/b", JsonParser.parseString(response.text()).getAsJsonObject().get("system_type").getAsString());
    }

    @Test
    void phpHttpBuildQueryIndexesTheList() throws IOException {
        // http_build_query(['dateFrom' => ..., 'smscIds' => ['mysmsc-id-example']]) -> smscIds%5B0%5D=...
        RawResponse list = raw("GET /api/gateways/logs?dateFrom=2024-08-25&dateTo=2024-08-26"
                + "&smscIds%5B0%5D=mysmsc-id-example HTTP/1.1\r\nHost: " + host() + "\r\nAccept: */*\r\n"
                + "X-API-Key: " + TestGateway.TOKEN + "\r\nConnection: close\r\n\r\n");
        assertEquals(200, list.status, list.text());
        assertEquals(2, JsonParser.parseString(list.text()).getAsJsonArray().size());
    }

    @Test
    void phpCurlDownloadWithRawBracketsGetsPlainText() throws IOException {
        // CURLOPT_URL => '...download?files[]=...': curl sends the brackets as they are, and no Accept-Encoding
        RawResponse download = raw("GET /api/clients/logs/download?files[]=2024-08-251234.log HTTP/1.1\r\n"
                + "Host: " + host() + "\r\nAccept: */*\r\nX-API-Key: " + TestGateway.TOKEN + "\r\n"
                + "Connection: close\r\n\r\n");
        assertEquals(200, download.status, download.text());
        assertEquals(null, download.headers.get("content-encoding"));
        assertEquals("esme log\n", download.text());
    }

    // ---- JavaScript fetch: JSON.stringify body, URLSearchParams query ----

    @Test
    void fetchPostAndUrlSearchParams() throws IOException {
        String body = "{\"username\":\"myclient1\",\"password\":\"qwerty123\",\"allow_ip\":\"11.22.33.44,55.66.77.88\","
                + "\"throughput\":0,\"binds\":3,\"enabled\":true}";
        RawResponse created = raw("POST /api/clients HTTP/1.1\r\nHost: " + host() + "\r\nconnection: close\r\n"
                + "content-type: application/json\r\nx-api-key: " + TestGateway.TOKEN + "\r\naccept: */*\r\n"
                + "accept-language: *\r\nsec-fetch-mode: cors\r\nuser-agent: node\r\n"
                + "accept-encoding: gzip, deflate\r\ncontent-length: " + body.length() + "\r\n\r\n" + body);
        assertEquals(201, created.status, created.text());

        // new URLSearchParams({dateFrom, dateTo, 'smscIds[]': ...}).toString()
        RawResponse list = raw("GET /api/gateways/logs?dateFrom=2024-08-25&dateTo=2024-08-26"
                + "&smscIds%5B%5D=mysmsc-id-example HTTP/1.1\r\nHost: " + host() + "\r\nconnection: close\r\n"
                + "x-api-key: " + TestGateway.TOKEN + "\r\naccept: */*\r\naccept-encoding: gzip, deflate\r\n\r\n");
        assertEquals(200, list.status);
        assertEquals(2, JsonParser.parseString(list.decodedText()).getAsJsonArray().size());

        RawResponse download = raw("GET /api/gateways/logs/download?files[]=2024-08-25mysmsc-id-example.log HTTP/1.1\r\n"
                + "Host: " + host() + "\r\nconnection: close\r\nx-api-key: " + TestGateway.TOKEN + "\r\n"
                + "accept: */*\r\naccept-encoding: gzip, deflate\r\n\r\n");
        assertEquals(SampleLogs.MANUAL_ENTRIES, download.decodedText());
    }

    // ---- Go net/http: json.Marshal body (sorted keys), url.Values.Encode (sorted, escaped) ----

    @Test
    void goNetHttpPostAndUrlValues() throws IOException {
        String body = "{\"dst_autodetect\":true,\"enabled\":true,\"enq_interval\":30,\"host\":\"smpp.mygateway.com\","
                + "\"is_gsm7\":true,\"is_secure\":false,\"password\":\"mypassw\",\"port\":2775,\"rx_binds\":0,"
                + "\"smpp_version\":\"3.4\",\"smsc_id\":\"mysmsc-id-example\",\"src_autodetect\":true,"
                + "\"trx_binds\":1,\"tx_binds\":0,\"username\":\"myusername\"}";
        RawResponse created = raw("POST /api/gateways HTTP/1.1\r\nHost: " + host() + "\r\n"
                + "User-Agent: Go-http-client/1.1\r\nContent-Length: " + body.length() + "\r\n"
                + "Content-Type: application/json\r\nX-Api-Key: " + TestGateway.TOKEN + "\r\n"
                + "Accept-Encoding: gzip\r\nConnection: close\r\n\r\n" + body);
        assertEquals(201, created.status, created.text());

        // url.Values{...}.Encode() sorts the keys: dateFrom, dateTo, smscIds%5B%5D
        RawResponse list = raw("GET /api/gateways/logs?dateFrom=2024-08-25&dateTo=2024-08-26"
                + "&smscIds%5B%5D=mysmsc-id-example HTTP/1.1\r\nHost: " + host() + "\r\n"
                + "User-Agent: Go-http-client/1.1\r\nX-Api-Key: " + TestGateway.TOKEN + "\r\n"
                + "Accept-Encoding: gzip\r\nConnection: close\r\n\r\n");
        assertEquals(200, list.status);
        JsonArray files = JsonParser.parseString(list.decodedText()).getAsJsonArray();
        assertEquals("mysmsc-id-example.log", files.get(0).getAsJsonObject().get("name").getAsString());
    }

    // ---- Java HttpClient, as the manual's Java programs use it ----

    @Test
    void javaHttpClientAsInTheManual() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        JsonObject json = new JsonObject();
        json.addProperty("smsc_id", "mysmsc-id-example");
        json.addProperty("host", "smpp.mygateway.com");
        json.addProperty("port", 2775);
        json.addProperty("username", "myusername");
        json.addProperty("password", "mypassw");
        json.addProperty("enq_interval", 30);
        json.addProperty("src_autodetect", true);
        json.addProperty("dst_autodetect", true);
        json.addProperty("tx_binds", 0);
        json.addProperty("rx_binds", 0);
        json.addProperty("trx_binds", 1);
        json.addProperty("smpp_version", "3.4");
        json.addProperty("is_gsm7", true);
        json.addProperty("is_secure", false);
        json.addProperty("enabled", true);
        HttpRequest post = HttpRequest.newBuilder()
                .uri(URI.create(gateway.base + "/api/gateways"))
                .header("Content-Type", "application/json")
                .header("X-API-Key", TestGateway.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(json.toString()))
                .build();
        HttpResponse<String> created = client.send(post, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());

        HttpRequest list = HttpRequest.newBuilder().uri(URI.create(gateway.base + "/api/gateways"))
                .header("X-API-Key", TestGateway.TOKEN).build();
        assertTrue(client.send(list, HttpResponse.BodyHandlers.ofString()).body().startsWith("{\"gateways\":[{"));

        Map<String, String> params = new LinkedHashMap<>();
        params.put("dateFrom", "2024-08-25");
        params.put("dateTo", "2024-08-26");
        params.put("smscIds[]", "mysmsc-id-example");
        StringJoiner sj = new StringJoiner("&");
        for (Map.Entry<String, String> entry : params.entrySet()) {
            sj.add(URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
        }
        HttpRequest logs = HttpRequest.newBuilder().uri(URI.create(gateway.base + "/api/gateways/logs?" + sj))
                .header("X-API-Key", TestGateway.TOKEN).build();
        assertEquals(2, JsonParser.parseString(client.send(logs, HttpResponse.BodyHandlers.ofString()).body())
                .getAsJsonArray().size());

        // the manual's download: URI.create with raw brackets, BodyHandlers.ofString, println(body): plain text
        HttpRequest download = HttpRequest.newBuilder()
                .uri(URI.create(gateway.base + "/api/gateways/logs/download?files[]=2024-08-25mysmsc-id-example.log"))
                .header("X-API-Key", TestGateway.TOKEN).build();
        String text = client.sendAsync(download, HttpResponse.BodyHandlers.ofString()).thenApply(HttpResponse::body)
                .join();
        assertEquals(SampleLogs.MANUAL_ENTRIES, text);
    }

    /** A response read off the socket: status, headers (lower-case names), body (chunking undone). */
    private record RawResponse(int status, Map<String, String> headers, byte[] body) {

        static RawResponse parse(byte[] bytes) throws IOException {
            String all = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = all.indexOf("\r\n\r\n");
            String[] lines = all.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(), lines[i].substring(colon + 1).strip());
            }
            byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = unchunk(body);
            }
            return new RawResponse(status, headers, body);
        }

        private static byte[] unchunk(byte[] body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = 0;
            while (true) {
                int lineEnd = at;
                while (body[lineEnd] != '\r') {
                    lineEnd++;
                }
                int size = Integer.parseInt(new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0]
                        .strip(), 16);
                if (size == 0) {
                    return out.toByteArray();
                }
                out.write(body, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body as a client that sent Accept-Encoding reads it: unpacked when gzip. */
        String decodedText() throws IOException {
            if ("gzip".equals(headers.get("content-encoding"))) {
                return new String(new GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes(),
                        StandardCharsets.UTF_8);
            }
            return text();
        }
    }
}
