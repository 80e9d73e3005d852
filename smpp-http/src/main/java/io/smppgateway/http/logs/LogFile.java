package io.smppgateway.http.logs;

import io.smppgateway.smpp.log.LogFileLayout;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One day's PDU log of one peer, as the logs listing shows it: {@code date} and {@code name} run
 * together form the id that the download takes ({@code 2024-08-25mysmsc-id-example.log}).
 *
 * @param date    the day
 * @param name    the file name ({@code <smsc_id>.log} or {@code <client_id>.log})
 * @param peer    the smsc_id or client id the file belongs to
 * @param size    bytes
 * @param modTime the last modification, local time
 */
public record LogFile(LocalDate date, String name, String peer, long size, LocalDateTime modTime) {

    public String id() {
        return LogFileLayout.fileId(date, name);
    }
}
