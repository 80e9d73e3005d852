package io.smppgateway.smpp.log;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * Where the PDU log of one SMSC or ESME for one day lives, shared by the code that writes the logs
 * and the REST API that lists and serves them:
 * <pre>
 * &lt;SMPP_CLIENT_LOGS_PATH&gt;/2024-08-25/mysmsc-id-example.log    (an SMSC: its smsc_id)
 * &lt;SMPP_SERVER_LOGS_PATH&gt;/2024-08-25/1234.log                 (an ESME: its numeric client id)
 * </pre>
 * One folder per day, one file per peer. The manual's file id is {@code CONCAT(date, name)}:
 * {@code 2024-08-25mysmsc-id-example.log}.
 *
 * <p>An smsc_id may hold any character (up to 100 of them), so its file name keeps
 * {@code A-Z a-z 0-9 . _ -} and writes every other UTF-8 byte as {@code %XX} (upper-case hex):
 * {@code my/smsc} becomes {@code my%2Fsmsc.log}. A name is therefore never a path, and each peer
 * has exactly one file name; {@link #peerOf(String)} accepts only names in that canonical form.
 */
public final class LogFileLayout {

    /** The day folder's name and the date part of a file id. */
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    public static final String EXTENSION = ".log";

    private static final int DAY_LENGTH = 10;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private LogFileLayout() {
    }

    /** The log file of {@code peer} (an smsc_id, or a client id as text) for {@code day} under {@code root}. */
    public static Path file(Path root, LocalDate day, String peer) {
        return root.resolve(DAY.format(day)).resolve(fileName(peer));
    }

    /** The folder of one day's logs. */
    public static Path dayFolder(Path root, LocalDate day) {
        return root.resolve(DAY.format(day));
    }

    /** The file name of a peer's log: its id, escaped as described above, plus {@code .log}. */
    public static String fileName(String peer) {
        if (peer == null || peer.isEmpty()) {
            throw new IllegalArgumentException("a log needs a peer name");
        }
        StringBuilder name = new StringBuilder(peer.length() + EXTENSION.length());
        for (byte octet : peer.getBytes(StandardCharsets.UTF_8)) {
            if (isKept(octet)) {
                name.append((char) octet);
            } else {
                name.append('%').append(HEX[(octet >> 4) & 0xF]).append(HEX[octet & 0xF]);
            }
        }
        return name.append(EXTENSION).toString();
    }

    /**
     * The peer a file name belongs to, when the name is one {@link #fileName} produces; empty for
     * anything else ({@code ../x.log}, {@code a%2fb.log}, {@code %41.log}, {@code x.txt}).
     */
    public static Optional<String> peerOf(String fileName) {
        if (fileName == null || !fileName.endsWith(EXTENSION) || fileName.length() == EXTENSION.length()) {
            return Optional.empty();
        }
        String escaped = fileName.substring(0, fileName.length() - EXTENSION.length());
        ByteArrayOutputStream octets = new ByteArrayOutputStream(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '%' && i + 2 < escaped.length() && isUpperHex(escaped.charAt(i + 1))
                    && isUpperHex(escaped.charAt(i + 2))) {
                octets.write(Integer.parseInt(escaped.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c < 0x80 && isKept((byte) c)) {
                octets.write(c);
            } else {
                return Optional.empty();
            }
        }
        String peer = new String(octets.toByteArray(), StandardCharsets.UTF_8);
        // canonical form only: an escaped character that needed no escape, or bytes that are not
        // UTF-8, would give two names for one peer
        return fileName(peer).equals(fileName) ? Optional.of(peer) : Optional.empty();
    }

    /** The file id the REST API uses: the day and the file name run together. */
    public static String fileId(LocalDate day, String fileName) {
        return DAY.format(day) + fileName;
    }

    /** The day of a file id ({@code 2024-08-25...}), or empty when it does not start with a valid date. */
    public static Optional<LocalDate> dayOf(String fileId) {
        if (fileId == null || fileId.length() <= DAY_LENGTH) {
            return Optional.empty();
        }
        return parseDay(fileId.substring(0, DAY_LENGTH));
    }

    /** The file name part of a file id (everything after the date). */
    public static String fileNameOf(String fileId) {
        return fileId.substring(DAY_LENGTH);
    }

    /** A day folder's name as a date, or empty when the folder is not one of ours. */
    public static Optional<LocalDate> parseDay(String text) {
        if (text == null || text.length() != DAY_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text, DAY));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean isKept(byte octet) {
        return (octet >= 'A' && octet <= 'Z') || (octet >= 'a' && octet <= 'z') || (octet >= '0' && octet <= '9')
                || octet == '.' || octet == '_' || octet == '-';
    }

    private static boolean isUpperHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
    }
}
