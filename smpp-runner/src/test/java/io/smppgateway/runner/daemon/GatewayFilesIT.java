package io.smppgateway.runner.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.smppgateway.runner.config.ConfFile;
import io.smppgateway.runner.e2e.Awaiting;
import io.smppgateway.runner.e2e.GatewayProcess;
import io.smppgateway.runner.e2e.GatewayRestApi;
import io.smppgateway.runner.e2e.TestServices;
import io.smppgateway.runner.logging.TextLogLine;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.SessionConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a first start leaves on the disk, and who may read it: the embedded database (it holds the
 * ESME and SMSC passwords) and the generated credentials for the gateway's user only, the PDU logs
 * for its group too (a log shipper), nothing for anybody else. The packaged jar as its own
 * process, on the embedded defaults, with the JVM options the tests give it (not the launcher's),
 * so it also says once that -XX:+ExitOnOutOfMemoryError is missing.
 */
@Tag("jar")
class GatewayFilesIT {

    @Test
    void theDatabaseAndCredentialsAreTheUsersOnlyAndThePduLogsTheGroupsToo(@TempDir Path home) throws Exception {
        int smppPort = TestServices.freePort();
        int httpPort = TestServices.freePort();
        Files.writeString(home.resolve("smpp.conf"), "SMPP_PORT=" + smppPort + "\nHTTP_PORT=" + httpPort + "\n");
        Path logFile;
        String output;
        try (GatewayProcess gateway = GatewayProcess.run(home, home.resolve("console.log"));
             SmppConnector connector = new SmppConnector()) {
            gateway.awaitLine("INFO smpp - ready");
            ConfFile secrets = ConfFile.read(home.resolve("data/generated-credentials.conf"));
            GatewayRestApi rest = new GatewayRestApi("http://127.0.0.1:" + httpPort,
                    secrets.values().get("HTTP_API_TOKEN"));
            JsonObject client = new JsonObject();
            client.addProperty("username", "esme1");
            client.addProperty("password", "pw");
            client.addProperty("throughput", 0);
            client.addProperty("binds", 1);
            client.addProperty("enabled", true);
            long clientId = rest.createClient(client).get("id").getAsLong();
            BindRequest bind = BindRequest.of(BindType.TRANSCEIVER, 1, "esme1", "pw", "", InterfaceVersion.SMPP_3_4,
                    Address.EMPTY);
            connector.connectAndBind("127.0.0.1", smppPort, null, Duration.ofSeconds(10), SessionConfig.defaults(),
                    bind, (session, request) -> null, PduListener.NONE).get(30, TimeUnit.SECONDS);
            logFile = home.resolve("logs/server").resolve(LocalDate.now().toString()).resolve(clientId + ".log");
            Awaiting.until(() -> Files.exists(logFile), () -> "no PDU log " + logFile);
            assertEquals(0, gateway.stop());
            output = String.join("\n", gateway.output());
        }

        Map<String, String> modes = new LinkedHashMap<>();
        for (String path : new String[] {"data", "data/smpp.mv.db", "data/generated-credentials.conf", "logs",
                "logs/server", "logs/client", home.relativize(logFile.getParent()).toString(),
                home.relativize(logFile).toString()}) {
            modes.put(path, mode(home.resolve(path)));
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("data", "rwx------");
        expected.put("data/smpp.mv.db", "rw-------");
        expected.put("data/generated-credentials.conf", "rw-------");
        expected.put("logs", "rwxr-x---");
        expected.put("logs/server", "rwxr-x---");
        expected.put("logs/client", "rwxr-x---");
        expected.put(home.relativize(logFile.getParent()).toString(), "rwxr-x---");
        expected.put(home.relativize(logFile).toString(), "rw-r-----");
        assertEquals(expected, modes);

        long warnings = output.lines().filter(line -> TextLogLine.startsWith(line,
                "WARN smpp - the JVM was started without -XX:+ExitOnOutOfMemoryError")).count();
        assertEquals(1, warnings, output);
        assertTrue(output.contains("add it to the java command line"), output);
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
