package io.smppgateway.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subcommand dispatch of the launcher. */
class MainTest {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @Test
    void runWithWrongSettingsNamesEveryKeyAndExits2BeforeOpeningAnything(@TempDir Path folder) throws IOException {
        Path conf = Files.writeString(folder.resolve("bad.conf"), "SMPP_PORT=99999\nMYSQL_HOST=db\n");

        assertEquals(2, run("run", "--config", conf.toString()));

        assertEquals("smpp: cannot start: invalid settings (" + conf + "), 3 problems:\n"
                + "  MYSQL_DBNAME: required\n"
                + "  MYSQL_USERNAME: required\n"
                + "  SMPP_PORT: '99999' is not a port number (1 to 65535)\n", stderr.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("bad.conf"), Files.list(folder).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void runWithAnEncryptedTlsKeyExits2NamingTheKeyAndListensOnNothing(@TempDir Path folder) throws Exception {
        Path certificate = io.smppgateway.runner.config.OpensslFiles.selfSignedWithPkcs1Key(folder, "server")[0];
        Path key = io.smppgateway.runner.config.OpensslFiles.encryptedKey(folder, "encrypted");
        int[] ports = new int[3];
        for (int i = 0; i < ports.length; i++) {
            try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
                ports[i] = probe.getLocalPort();
            }
        }
        Path conf = Files.writeString(folder.resolve("tls.conf"), "SMPP_PORT=" + ports[0] + "\nSMPP_SSL_PORT=" + ports[1]
                + "\nHTTP_PORT=" + ports[2] + "\nSMPP_DATA_PATH=" + folder.resolve("data") + "\nSMPP_SERVER_LOGS_PATH="
                + folder.resolve("logs") + "\nSMPP_CLIENT_LOGS_PATH=" + folder.resolve("logs")
                + "\nSMPP_SSL_CERT_PATH=" + certificate + "\nSMPP_SSL_KEY_PATH=" + key + "\n");

        assertEquals(2, run("run", "--config", conf.toString()));

        List<String> lines = stderr.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of("smpp: cannot start: invalid settings (" + conf + "), 1 problem:"), lines.subList(0, 1),
                lines.toString());
        assertEquals(2, lines.size(), lines.toString());
        org.junit.jupiter.api.Assertions.assertTrue(lines.get(1).startsWith("  SMPP_SSL_KEY_PATH: " + key
                + ": the private key is encrypted"), lines.get(1));
        assertEquals(false, Files.exists(folder.resolve("data")), "the gateway started before refusing the key");
        for (int port : ports) {
            try (java.net.ServerSocket free = new java.net.ServerSocket(port)) {
                assertEquals(port, free.getLocalPort());
            }
        }
    }

    @Test
    void runRejectsAnUnknownArgument() {
        assertEquals(2, run("run", "--port", "1"));

        List<String> lines = stderr.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("smpp run: Unknown options: '--port', '1'", lines.get(0));
        assertEquals("Usage: smpp run [-hV] [--config=FILE]", lines.get(1));
        assertEquals("'smpp run --help' describes every option and its default.", lines.get(2));
        assertEquals(3, lines.size(), lines.toString());
        assertEquals("", stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryCommandOnStdout() {
        for (String[] help : new String[][] {{"help"}, {"--help"}, {"-h"}}) {
            stdout.reset();
            assertEquals(0, run(help), String.join(" ", help));

            String text = stdout.toString(StandardCharsets.UTF_8);
            assertTrue(text.startsWith("Usage: smpp [-hV] [COMMAND]"), text);
            for (String command : List.of("run", "pdu", "simulate-smsc", "load", "app-load", "soak", "help")) {
                assertTrue(text.contains("\n  " + command + " "), command + " missing in " + text);
            }
        }
        assertEquals("", stderr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void versionIsTheProjectVersionOnStdout() throws IOException {
        assertEquals(0, run("--version"));

        // the version of the build: the parent's, as this module's pom.xml names it
        java.util.regex.Matcher parent = java.util.regex.Pattern.compile("(?s)<parent>.*?<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(parent.find());
        assertEquals("smpp-gateway " + parent.group(1) + "\n", stdout.toString(StandardCharsets.UTF_8));
        assertEquals("", stderr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertEquals(2, run("frobnicate", "now"));

        List<String> lines = stderr.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("smpp: unknown command 'frobnicate'; the commands are run, pdu, simulate-smsc, load, app-load,"
                + " soak, help", lines.get(0));
        assertEquals("Usage: smpp [-hV] [COMMAND]", lines.get(1));
        assertEquals("", stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void pduWithoutDecodeIsAUsageError() {
        assertEquals(2, run("pdu"));
        assertEquals(2, run("pdu", "encode", "00"));

        List<String> lines = stderr.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("smpp pdu: Missing required subcommand: decode", lines.get(0));
        assertEquals("smpp pdu: unknown command 'encode'; the commands are decode", lines.get(3));
    }
}
