package io.smppgateway.persistence.retention;

import java.util.concurrent.CompletableFuture;

/**
 * Removal of old tracking rows (outbound segments by {@code acpt_time}, issued inbound ids by
 * {@code submit_time}) in small transactions, so that the message path never waits behind a long
 * delete. Receipts waiting for a bind are never purged.
 */
public interface Retention {

    /** Purges what is older than the configured retention (default 7 days). */
    CompletableFuture<PurgeReport> purge();

    /** Purges rows older than {@code cutoffMillis} (Unix milliseconds). */
    CompletableFuture<PurgeReport> purgeOlderThan(long cutoffMillis);
}
