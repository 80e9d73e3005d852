package io.smppgateway.runner;

import io.smppgateway.smpp.codec.PduException;
import io.smppgateway.smpp.log.PduLogFormat;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code smpp pdu decode [--no-gsm7] <hex>}: prints one PDU exactly as the PDU log shows it, the
 * command name and the JSON, so that a hex line copied from a log, a packet capture or a peer's
 * support ticket can be read. The hex may be split by spaces and may start with {@code 0x}.
 *
 * <p>Exit codes: 0 decoded; 1 the octets are not a PDU that decodes (the error names the
 * command_status a session would answer with); 2 a usage error or text that is not hex.
 */
@Command(name = "decode", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        description = {"Prints one PDU as the PDU log shows it: the command name and the decoded PDU as JSON.",
            "The hex may be split by spaces and may start with 0x, as copied from a log or a capture."},
        footer = {"", "Exit codes: 0 decoded; 1 the octets are not a PDU that decodes (the error names the"
            + " command_status a session would answer with); 2 a usage error or text that is not hex."})
final class PduDecodeCommand implements Callable<Integer> {

    static final int DECODED = 0;
    static final int UNDECODABLE = 1;
    static final int USAGE = 2;

    static final String USAGE_LINE = "smpp pdu decode [--no-gsm7] <hex>";
    private static final String NAME = "smpp pdu decode: ";

    @Option(names = "--no-gsm7", negatable = false,
            description = "Show data_coding 0 texts as 8-bit octets instead of GSM 7-bit. Default: GSM 7-bit.")
    private boolean noGsm7;

    @Parameters(paramLabel = "HEX", arity = "0..*", description = "The PDU's octets in hex, whole or in words.")
    private List<String> hexParts = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    private final PrintStream out;

    PduDecodeCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        byte[] wire;
        try {
            wire = parseHex(hexParts);
        } catch (IllegalArgumentException e) {
            err.println(NAME + e.getMessage());
            return USAGE;
        }
        try {
            out.print(new PduLogFormat(!noGsm7).describe(wire));
            out.flush();
            return DECODED;
        } catch (PduException e) {
            err.println(NAME + "undecodable PDU: " + PduLogFormat.describeError(e));
            return UNDECODABLE;
        }
    }

    /**
     * The octets of hex digits given as one or more words (a shell splits {@code 00 00 00 10} into
     * four), each of which may start with {@code 0x}.
     *
     * @throws IllegalArgumentException saying what is wrong, in words fit for the user
     */
    static byte[] parseHex(List<String> words) {
        StringBuilder digits = new StringBuilder();
        for (String argument : words) {
            for (String word : argument.trim().split("\\s+")) {
                digits.append(word.startsWith("0x") || word.startsWith("0X") ? word.substring(2) : word);
            }
        }
        if (digits.length() == 0) {
            throw new IllegalArgumentException("no hex given; usage: " + USAGE_LINE);
        }
        for (int i = 0; i < digits.length(); i++) {
            if (!HexFormat.isHexDigit(digits.charAt(i))) {
                throw new IllegalArgumentException(String.format(
                        "'%c' is not a hex digit (digit %d of the hex)", digits.charAt(i), i + 1));
            }
        }
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("the hex has an odd number of digits (" + digits.length()
                    + "): every octet takes two");
        }
        byte[] octets = new byte[digits.length() / 2];
        for (int i = 0; i < octets.length; i++) {
            octets[i] = (byte) HexFormat.fromHexDigits(digits, 2 * i, 2 * i + 2);
        }
        return octets;
    }
}
