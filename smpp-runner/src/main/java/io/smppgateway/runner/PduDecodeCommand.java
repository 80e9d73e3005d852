package io.smppgateway.runner;

import io.smppgateway.smpp.codec.PduException;
import io.smppgateway.smpp.log.PduLogFormat;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code smpp pdu decode [--no-gsm7] <hex>}: prints one PDU exactly as the PDU log shows it, the
 * command name and the JSON, so that a hex line copied from a log, a packet capture or a peer's
 * support ticket can be read. The hex may be split by spaces and may start with {@code 0x}.
 *
 * <p>Exit codes: 0 decoded; 1 the octets are not a PDU that decodes (the error names the
 * command_status a session would answer with); 2 a usage error or text that is not hex.
 */
final class PduDecodeCommand {

    static final int DECODED = 0;
    static final int UNDECODABLE = 1;
    static final int USAGE = 2;

    static final String USAGE_LINE = "smpp pdu decode [--no-gsm7] <hex>";
    private static final String NAME = "smpp pdu decode: ";

    private PduDecodeCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        boolean gsm7 = true;
        List<String> hexParts = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--no-gsm7")) {
                gsm7 = false;
            } else if (arg.startsWith("--")) {
                err.println(NAME + "unknown option " + arg + "; usage: " + USAGE_LINE);
                return USAGE;
            } else {
                hexParts.add(arg);
            }
        }
        byte[] wire;
        try {
            wire = parseHex(hexParts);
        } catch (IllegalArgumentException e) {
            err.println(NAME + e.getMessage());
            return USAGE;
        }
        try {
            out.print(new PduLogFormat(gsm7).describe(wire));
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
