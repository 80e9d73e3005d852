package io.smppgateway.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command of the launcher answers {@code --help} on stdout with exit 0, describing itself
 * and every option with its default where it has one; {@code --version} the same way; and a wrong
 * option or a missing required one with one line naming it, then the usage, on stderr with exit 2.
 */
class CommandHelpTest {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int run(List<String> args) {
        return Main.run(args.toArray(String[]::new), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), Map.of());
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    /**
     * Each command, the options it has (each must be described), the defaults the help must show
     * (option, default) and the options that are required.
     */
    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of(List.of("run"), List.of("--config"), Map.of(), List.of()),
                Arguments.of(List.of("pdu", "decode"), List.of("--no-gsm7"), Map.of(), List.of()),
                Arguments.of(List.of("simulate-smsc"), List.of("--host", "--port", "--system-id", "--account",
                        "--delay-ms", "--receipt-delay-ms", "--delivered", "--undelivered", "--rejected", "--expired",
                        "--unknown", "--id-style", "--throttle-every", "--window", "--max-waiting-receipts",
                        "--tls-port", "--cert", "--key", "--duration", "--report"),
                        Map.of("--host", "0.0.0.0", "--port", "2776", "--system-id", "smscsim", "--delivered", "90",
                                "--undelivered", "5", "--rejected", "5", "--receipt-delay-ms", "100",
                                "--id-style", "decimal", "--report", "10"), List.of()),
                Arguments.of(List.of("load"), List.of("--host", "--port", "--system-id", "--password", "--bind-type",
                        "--binds", "--window", "--rate", "--count", "--duration", "--warmup", "--text", "--source",
                        "--destination", "--receipts", "--receipt-timeout"),
                        Map.of("--host", "127.0.0.1", "--port", "2775", "--binds", "1", "--window", "10",
                                "--rate", "0", "--bind-type", "trx", "--source", "LoadTest",
                                "--destination", "380990000001", "--receipt-timeout", "60"), List.of("--system-id")),
                Arguments.of(List.of("app-load"), List.of("--smsc-id", "--nsqd", "--sms-out-topic", "--dlr-in-topic",
                        "--sms-in-topic", "--channel", "--count", "--rate", "--warmup", "--text", "--sender",
                        "--receiver", "--timeout"),
                        Map.of("--channel", "app-load", "--count", "10000", "--rate", "0", "--timeout", "60",
                                "--sender", "LoadTest", "--receiver", "380990000001"), List.of("--smsc-id")),
                Arguments.of(List.of("soak"), List.of("--host", "--port", "--system-id", "--password", "--duration",
                        "--check-timeout", "--fuzz-pdus", "--connections", "--non-readers", "--flood-connections",
                        "--forged-binds", "--guesses", "--guessers", "--guess-system-id", "--peer-address",
                        "--bound-peer-address", "--seed"),
                        Map.of("--host", "127.0.0.1", "--port", "2775", "--duration", "60s", "--fuzz-pdus", "100000",
                                "--connections", "8", "--non-readers", "4", "--flood-connections", "150",
                                "--forged-binds", "16", "--guesses", "20", "--guessers", "4"), List.of("--system-id")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void helpDescribesTheCommandAndEveryOptionWithItsDefault(List<String> command, List<String> options,
                                                            Map<String, String> defaults, List<String> required) {
        List<String> args = new ArrayList<>(command);
        args.add("--help");

        assertEquals(0, run(args));

        String help = out();
        assertEquals("", err());
        assertTrue(help.startsWith("Usage: smpp " + String.join(" ", command) + " "), help);
        String description = help.lines().skip(1).filter(line -> !line.startsWith(" ")).findFirst().orElse("");
        assertTrue(description.length() > 20, "no description of the command: " + help);
        for (String option : options) {
            String text = optionText(help, option);
            assertTrue(text.length() > option.length() + 5, option + " is not described: " + text);
        }
        defaults.forEach((option, value) -> assertTrue(optionText(help, option).contains("Default: " + value),
                option + " does not say its default " + value + ": " + optionText(help, option)));
        assertTrue(help.contains("Exit codes:"), help);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void versionIsPrintedOnStdout(List<String> command, List<String> options, Map<String, String> defaults,
                                  List<String> required) {
        List<String> args = new ArrayList<>(command);
        args.add("--version");

        assertEquals(0, run(args));

        assertEquals("smpp-gateway " + ProjectVersion.version() + "\n", out());
        assertEquals("", err());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aWrongOptionIsNamedWithTheUsageAndExits2(List<String> command, List<String> options,
                                                 Map<String, String> defaults, List<String> required) {
        List<String> args = new ArrayList<>(command);
        args.add("--frobnicate");
        for (String option : required) {
            args.add(option);
            args.add("x");
        }

        assertEquals(2, run(args));

        List<String> lines = err().lines().toList();
        String name = "smpp " + String.join(" ", command);
        assertEquals(name + ": Unknown option: '--frobnicate'", lines.get(0));
        assertTrue(lines.get(1).startsWith("Usage: " + name + " "), lines.toString());
        assertEquals("'" + name + " --help' describes every option and its default.", lines.get(lines.size() - 1));
        assertEquals("", out());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aMissingRequiredOptionIsNamedAndExits2(List<String> command, List<String> options,
                                               Map<String, String> defaults, List<String> required) {
        if (required.isEmpty()) {
            return;
        }

        assertEquals(2, run(command));

        List<String> lines = err().lines().toList();
        String name = "smpp " + String.join(" ", command);
        assertTrue(lines.get(0).startsWith(name + ": Missing required option: '" + required.get(0) + "="),
                lines.toString());
        assertTrue(lines.get(1).startsWith("Usage: " + name + " "), lines.toString());
        assertEquals("", out());
    }

    /** The help's text for one option: its line and the indented lines that continue it. */
    private static String optionText(String help, String option) {
        Matcher start = Pattern.compile("(?m)^ {2,6}(-\\w, )?" + Pattern.quote(option) + "(=|\\s)").matcher(help);
        if (!start.find()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        List<String> lines = help.substring(start.start()).lines().toList();
        text.append(lines.get(0).strip());
        for (String line : lines.subList(1, lines.size())) {
            if (!line.startsWith("                ")) {
                break;
            }
            text.append(' ').append(line.strip());
        }
        return text.toString();
    }
}
