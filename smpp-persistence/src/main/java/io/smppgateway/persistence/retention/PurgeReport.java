package io.smppgateway.persistence.retention;

/** What one purge removed: rows of outbound and of inbound tracking, and in how many transactions. */
public record PurgeReport(long outboundRows, long inboundRows, int transactions) {
}
