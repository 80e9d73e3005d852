package io.smppgateway.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The subcommand dispatch of the launcher. */
class MainTest {

    private static final String USAGE = "usage: smpp [run [--config FILE]]\n"
            + "       smpp pdu decode [--no-gsm7] <hex>\n"
            + "       " + io.smppgateway.runner.tools.LoadCommand.USAGE_LINE + "\n";

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @Test
    void runIsTheDefaultAndStillAPlaceholder() {
        assertEquals(0, run());
        assertEquals(0, run("run"));

        String placeholder = "The gateway daemon is not wired yet: this build provides the PDU codec"
                + " and 'smpp pdu decode <hex>'.\n";
        assertEquals(placeholder + placeholder, stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsTheUsageOnStdout() {
        assertEquals(0, run("help"));

        assertEquals(USAGE, stdout.toString(StandardCharsets.UTF_8));
        assertEquals("", stderr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertEquals(2, run("frobnicate", "now"));

        assertEquals("Unknown command: frobnicate now\n" + USAGE, stderr.toString(StandardCharsets.UTF_8));
        assertEquals("", stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void pduWithoutDecodeIsAUsageError() {
        assertEquals(2, run("pdu"));
        assertEquals(2, run("pdu", "encode", "00"));

        assertEquals("Unknown command: pdu\n" + USAGE + "Unknown command: pdu encode 00\n" + USAGE,
                stderr.toString(StandardCharsets.UTF_8));
    }
}
