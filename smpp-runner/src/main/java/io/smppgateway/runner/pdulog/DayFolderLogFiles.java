package io.smppgateway.runner.pdulog;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The manual's layout, {@code <root>/<yyyy-MM-dd>/<peer>.log}, so that the file id
 * {@code CONCAT(date, name)} names one file. A peer name keeps {@code A-Z a-z 0-9 . _ -} and writes
 * every other UTF-8 octet as {@code %XX}, so that an smsc_id is never a path.
 */
public final class DayFolderLogFiles implements LogFiles {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    @Override
    public Path file(Path root, LocalDate day, String peer) {
        StringBuilder name = new StringBuilder(peer.length() + 4);
        for (byte octet : peer.getBytes(StandardCharsets.UTF_8)) {
            boolean kept = (octet >= 'A' && octet <= 'Z') || (octet >= 'a' && octet <= 'z')
                    || (octet >= '0' && octet <= '9') || octet == '.' || octet == '_' || octet == '-';
            if (kept) {
                name.append((char) octet);
            } else {
                name.append('%').append(HEX[(octet >> 4) & 0xF]).append(HEX[octet & 0xF]);
            }
        }
        return root.resolve(DAY.format(day)).resolve(name.append(".log").toString());
    }
}
