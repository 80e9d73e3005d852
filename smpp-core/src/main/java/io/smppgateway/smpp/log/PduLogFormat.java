package io.smppgateway.smpp.log;

import io.smppgateway.smpp.session.PduDirection;
import io.smppgateway.smpp.codec.InvalidPduException;
import io.smppgateway.smpp.codec.PduDecoder;
import io.smppgateway.smpp.codec.PduException;
import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.Pdu;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The text of one PDU in the per-SMSC and per-ESME PDU logs, exactly as the product manual's
 * sample shows it (section "Viewing/Exporting of SMSC/ESME Logs"):
 * <pre>
 * INFO[2024-07-29 21:02:05][1beb339d-24dd-4abc-a1c3-9e77d88856ab]: &lt;&lt;&lt;&lt;&lt; 00000045000000040000...
 * SUBMIT_SM:
 * {
 *   "Header": {
 *     "command_length": 69,
 *     "command_id": 4,
 *     "command_status": 0,
 *     "sequence_number": 8
 *   },
 *   "service_type": "",
 *   ...
 * }
 * </pre>
 * {@code <<<<<} marks a PDU received, {@code >>>>>} one sent; the hex is the PDU as it travelled
 * (bind and outbind passwords masked). Octets that do not decode are still logged: the hex line,
 * then {@code ERROR: } and the command_status the PDU is answered with. How each PDU type is
 * shown is described in {@code docs/pdu-logs.md}.
 *
 * <p>Immutable and thread-safe; rendering never throws for any octets.
 */
public final class PduLogFormat {

    /** The time stamp of the entry line, in the gateway's local time. */
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private final PduDecoder decoder = new PduDecoder();
    private final PduJson json;

    /**
     * @param smscDefaultIsGsm7 whether data_coding 0 is read as GSM 7-bit (the gateway's
     *        {@code is_gsm7}) rather than ISO-8859-1
     */
    public PduLogFormat(boolean smscDefaultIsGsm7) {
        this.json = new PduJson(smscDefaultIsGsm7);
    }

    /**
     * The command name with a colon on its own line, then the JSON, ending with a newline: what the
     * log writes after the entry line, and what {@code smpp pdu decode} prints.
     *
     * @throws PduException when the octets are not one PDU that decodes
     */
    public String describe(byte[] wire) {
        return describe(decoder.decode(wire), wire.length);
    }

    /** {@link #describe(byte[])} for a PDU already decoded (or about to be sent) of {@code commandLength} octets. */
    public String describe(Pdu pdu, int commandLength) {
        return describeInto(new StringBuilder(512), pdu, commandLength).toString();
    }

    private StringBuilder describeInto(StringBuilder out, Pdu pdu, int commandLength) {
        out.append(pdu.commandId().name()).append(":\n");
        json.write(pdu, commandLength, out);
        return out.append('\n');
    }

    /** The whole log entry for {@code wire}, decoding it; never throws. */
    public String entry(LocalDateTime time, String connectionId, PduDirection direction, byte[] wire) {
        return appendEntry(new StringBuilder(capacityFor(wire)), time, connectionId, direction, wire).toString();
    }

    /**
     * The whole log entry for a PDU the caller has already decoded from {@code wire}, or encoded
     * into it, which saves decoding it twice; never throws.
     */
    public String entry(LocalDateTime time, String connectionId, PduDirection direction, byte[] wire, Pdu pdu) {
        return appendEntry(new StringBuilder(capacityFor(wire)), time, connectionId, direction, wire, pdu)
                .toString();
    }

    /** {@link #entry(LocalDateTime, String, PduDirection, byte[])} appended to {@code out}, which a writer reuses. */
    public StringBuilder appendEntry(StringBuilder out, LocalDateTime time, String connectionId,
                                     PduDirection direction, byte[] wire) {
        appendEntryLine(out, time, connectionId, direction, wire);
        int lineEnd = out.length();
        try {
            return describeInto(out, decoder.decode(wire), wire.length);
        } catch (PduException e) {
            out.setLength(lineEnd);
            return out.append("ERROR: ").append(describeError(e)).append('\n');
        } catch (RuntimeException e) {
            out.setLength(lineEnd);
            return appendRenderingFailed(out, e);
        }
    }

    /** {@link #entry(LocalDateTime, String, PduDirection, byte[], Pdu)} appended to {@code out}, which a writer reuses. */
    public StringBuilder appendEntry(StringBuilder out, LocalDateTime time, String connectionId,
                                     PduDirection direction, byte[] wire, Pdu pdu) {
        appendEntryLine(out, time, connectionId, direction, wire);
        int lineEnd = out.length();
        try {
            return describeInto(out, pdu, wire.length);
        } catch (RuntimeException e) {
            out.setLength(lineEnd);
            return appendRenderingFailed(out, e);
        }
    }

    /** Room for the entry line's hex and a typical PDU's JSON. */
    private static int capacityFor(byte[] wire) {
        return 64 + 2 * wire.length + 1024;
    }

    /**
     * One line saying why octets do not decode: the command_status they are answered with, by name
     * and description, the PDU type when the header named one, and what is wrong. For example
     * {@code ESME_RINVSRCADR (Invalid source address) in SUBMIT_SM: source_addr is longer than 20 characters}.
     */
    public static String describeError(PduException error) {
        int status = error.commandStatus();
        StringBuilder line = new StringBuilder()
                .append(CommandStatus.nameOf(status))
                .append(" (").append(CommandStatus.describe(status)).append(')');
        if (error instanceof InvalidPduException invalid) {
            CommandId id = invalid.header().knownCommandId();
            if (id != null) {
                line.append(" in ").append(id.name());
            }
        }
        return line.append(": ").append(error.getMessage()).toString();
    }

    /** The PDU as the log's hex shows it: lower case, bind and outbind passwords masked. */
    public static String hex(byte[] wire) {
        StringBuilder out = new StringBuilder(2 * wire.length);
        appendHex(out, PasswordMask.maskWire(wire));
        return out.toString();
    }

    private static void appendEntryLine(StringBuilder out, LocalDateTime time, String connectionId,
                                        PduDirection direction, byte[] wire) {
        // A line break in the id would let a peer-influenced value forge log lines.
        String id = connectionId.replace('\r', ' ').replace('\n', ' ');
        out.append("INFO[");
        appendTimestamp(out, time);
        out.append("][").append(id).append("]: ").append(direction.marker()).append(' ');
        appendHex(out, PasswordMask.maskWire(wire));
        out.append('\n');
    }

    /** {@link #TIMESTAMP}'s text, written field by field: the formatter's general machinery costs more than the rest of the line. */
    private static void appendTimestamp(StringBuilder out, LocalDateTime time) {
        int year = time.getYear();
        if (year < 1000 || year > 9999) {
            out.append(TIMESTAMP.format(time));
            return;
        }
        out.append(year).append('-');
        twoDigits(out, time.getMonthValue());
        out.append('-');
        twoDigits(out, time.getDayOfMonth());
        out.append(' ');
        twoDigits(out, time.getHour());
        out.append(':');
        twoDigits(out, time.getMinute());
        out.append(':');
        twoDigits(out, time.getSecond());
    }

    private static void twoDigits(StringBuilder out, int value) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** {@link #hex}'s text appended in place, without the intermediate string. */
    private static void appendHex(StringBuilder out, byte[] octets) {
        for (byte octet : octets) {
            out.append(HEX_DIGITS[(octet >> 4) & 0x0F]).append(HEX_DIGITS[octet & 0x0F]);
        }
    }

    private static StringBuilder appendRenderingFailed(StringBuilder out, RuntimeException e) {
        // A log entry must never break the session that writes it.
        return out.append("ERROR: the PDU could not be shown: ").append(e).append('\n');
    }
}
