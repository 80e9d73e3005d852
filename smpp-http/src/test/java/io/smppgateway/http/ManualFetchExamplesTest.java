package io.smppgateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manual's JavaScript fetch examples, verbatim ({@code src/test/browser/manual-fetch-examples.js}),
 * run by node's own fetch against the server: only the placeholder address and token are replaced.
 */
class ManualFetchExamplesTest {

    @TempDir
    static Path folder;
    static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = new TestGateway(folder);
        SampleLogs.write(gateway.gatewayLogs, LocalDate.of(2024, 8, 25), "mysmsc-id-example", SampleLogs.MANUAL_ENTRIES);
        SampleLogs.write(gateway.gatewayLogs, LocalDate.of(2024, 8, 26), "mysmsc-id-example", "second day\n");
        SampleLogs.write(gateway.gatewayLogs, LocalDate.of(2024, 8, 25), "1234", SampleLogs.MANUAL_ENTRIES);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void everyFetchExampleOfTheManualWorksUnchanged() throws IOException, InterruptedException {
        Process node;
        try {
            node = new ProcessBuilder("node", AdminPanelBrowserTest.BROWSER_FOLDER.resolve("manual-fetch.mjs").toString(),
                    gateway.base, TestGateway.TOKEN).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("node is missing: this test runs the manual's fetch examples with it (scripts/test.sh needs it too)");
            return;
        }
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(120, TimeUnit.SECONDS), output);
        assertEquals(0, node.exitValue(), output);
        Map<String, JsonObject> results = new LinkedHashMap<>();
        output.lines().filter(line -> line.startsWith("{")).forEach(line -> {
            JsonObject result = JsonParser.parseString(line).getAsJsonObject();
            results.put(result.get("name").getAsString(), result);
        });
        assertEquals(6, results.size(), output);
        for (JsonObject result : results.values()) {
            assertEquals(0, result.getAsJsonArray("errors").size(), result.toString());
            assertEquals(1, result.getAsJsonArray("logged").size(), result.toString());
        }

        JsonObject gatewaySaved = printed(results, "create-gateway").getAsJsonObject();
        assertEquals("mysmsc-id-example", gatewaySaved.get("smsc_id").getAsString());
        assertTrue(gatewaySaved.get("id").getAsLong() > 0);
        assertEquals("myclient1", printed(results, "create-client").getAsJsonObject().get("username").getAsString());
        JsonObject gateways = printed(results, "list-gateways").getAsJsonObject();
        assertEquals(1, gateways.getAsJsonArray("gateways").size());
        assertTrue(gateways.getAsJsonObject("connections").has("BIND_TRX"));
        assertEquals(1, printed(results, "list-clients").getAsJsonObject().getAsJsonArray("clients").size());
        JsonArray logs = printed(results, "list-gateway-logs").getAsJsonArray();
        assertEquals(2, logs.size(), logs.toString());
        assertEquals("mysmsc-id-example.log", logs.get(0).getAsJsonObject().get("name").getAsString());
        assertEquals(SampleLogs.MANUAL_ENTRIES, printed(results, "download-gateway-log").getAsString());
    }

    private static JsonElement printed(Map<String, JsonObject> results, String name) {
        return results.get(name).getAsJsonArray("logged").get(0);
    }
}
