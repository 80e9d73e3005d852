package io.smppgateway.http.logs;

/**
 * One PDU of a PDU log: its header line ({@code INFO[2024-07-29 21:02:05][session]: <<<<< hex})
 * and the decoded PDU under it.
 *
 * @param fileId the id of the file it is in, as the logs download takes it
 * @param text   the entry's lines, joined with {@code \n}
 */
public record PduLogEntry(String fileId, String text) {
}
