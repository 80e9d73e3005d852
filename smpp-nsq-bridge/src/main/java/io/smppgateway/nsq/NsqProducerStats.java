package io.smppgateway.nsq;

/**
 * A snapshot of a producer's counters.
 *
 * @param pendingMessages     accepted and not yet written (bounded by maxPendingMessages)
 * @param inFlightCommands    written and not yet answered
 * @param confirmedMessages   nsqd answered OK
 * @param failedMessages      futures failed, whatever the reason
 * @param connects            connections established so far
 * @param connectedTo         the nsqd in use, or null while disconnected
 */
public record NsqProducerStats(int pendingMessages, int inFlightCommands, long confirmedMessages,
                               long failedMessages, long commandsWritten, long connects, NsqAddress connectedTo) {
}
