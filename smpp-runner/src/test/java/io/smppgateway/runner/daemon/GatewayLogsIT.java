package io.smppgateway.runner.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.runner.e2e.GatewayProcess;
import io.smppgateway.runner.e2e.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's log as smpp.conf and systemd set it: JSON lines with levels per logger from
 * smpp.conf (the settings' own warnings included), and the journal's priorities when standard
 * output is the journal, on the start failure's lines too.
 */
@Tag("jar")
class GatewayLogsIT {

    @TempDir
    Path home;

    @Test
    void smppConfChoosesJsonLinesAndTheLevelOfANamedLogger() throws Exception {
        Files.writeString(home.resolve("smpp.conf"), "SMPP_PORT=" + TestServices.freePort() + "\nHTTP_PORT="
                + TestServices.freePort() + "\nSMPP_LOG_FORMAT=json\nSMPP_LOG_LEVELS=com.zaxxer.hikari=DEBUG\n"
                + "NOT_A_SETTING=1\n");
        List<String> lines;
        try (GatewayProcess gateway = GatewayProcess.run(home, home.resolve("console.log"))) {
            gateway.awaitLine("\"message\":\"ready\"");
            assertEquals(0, gateway.stop());
            lines = gateway.output();
        }

        List<JsonObject> events = new ArrayList<>();
        for (String line : lines) {
            events.add(JsonParser.parseString(line).getAsJsonObject());
        }
        assertTrue(events.stream().anyMatch(event -> event.get("level").getAsString().equals("WARN")
                && event.get("logger").getAsString().equals("smpp")
                && event.get("message").getAsString()
                        .endsWith("NOT_A_SETTING is not a setting of the gateway; ignored")),
                String.join("\n", lines));
        List<JsonObject> debug = events.stream().filter(event -> event.get("level").getAsString().equals("DEBUG"))
                .toList();
        assertFalse(debug.isEmpty(), "the pool's DEBUG lines:\n" + String.join("\n", lines));
        assertTrue(debug.stream().allMatch(event -> event.get("logger").getAsString().startsWith("com.zaxxer.hikari.")),
                debug.toString());
    }

    @Test
    void whenStandardOutputIsTheJournalEveryLineCarriesItsPriority() throws Exception {
        Files.writeString(home.resolve("smpp.conf"), "SMPP_PORT=" + TestServices.freePort() + "\nHTTP_PORT="
                + TestServices.freePort() + "\n");
        Path console = Files.createFile(home.resolve("journal"));
        List<String> lines;
        try (GatewayProcess gateway = GatewayProcess.run(home, console, List.of(),
                Map.of("JOURNAL_STREAM", deviceAndInode(console)))) {
            gateway.awaitLine("<6>INFO smpp - ready");
            assertEquals(0, gateway.stop());
            lines = gateway.output();
        }
        assertTrue(lines.stream().allMatch(line -> line.matches("<[3467]>(ERROR|WARN|INFO|DEBUG) \\S+ - .*")),
                String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("<4>WARN smpp - the JVM was started without"
                + " -XX:+ExitOnOutOfMemoryError")), String.join("\n", lines));
    }

    @Test
    void aStartFailureOnTheJournalIsAtTheErrorPriority() throws Exception {
        Files.writeString(home.resolve("smpp.conf"), "SMPP_LOG_LEVEL=LOUD\n");
        Path console = Files.createFile(home.resolve("journal"));
        List<String> lines;
        try (GatewayProcess gateway = GatewayProcess.run(home, console, List.of(),
                Map.of("JOURNAL_STREAM", deviceAndInode(console)))) {
            assertEquals(2, gateway.awaitExit(60));
            lines = gateway.output();
        }
        assertEquals(List.of("<3>smpp: cannot start: invalid settings (" + home.resolve("smpp.conf") + "), 1 problem:",
                "<3>  SMPP_LOG_LEVEL: 'LOUD' is not a log level (TRACE, DEBUG, INFO, WARN, ERROR or OFF)"), lines);
    }

    private static String deviceAndInode(Path file) throws IOException {
        return Files.getAttribute(file, "unix:dev") + ":" + Files.getAttribute(file, "unix:ino");
    }
}
