package io.smppgateway.bridge.bus;

import io.smppgateway.nsq.NsqAddress;
import java.time.Duration;
import java.util.List;

/**
 * The nsqlookupd the bus's consumers ask which nsqd hold their topic ({@code NSQ_LOOKUPD_HTTP_ADDRESSES},
 * {@code NSQ_LOOKUPD_POLL_SECONDS}, ours): each consumer then reads from every nsqd listed, besides the
 * topic's own nsqd, while publishing stays on the topic's own nsqd. With no address, consumers read
 * only from the topic's own nsqd.
 *
 * @param httpAddresses nsqlookupd HTTP addresses ({@code host:4161})
 * @param pollInterval  how often each is asked again, to find nsqd that came and to stop
 *                      reconnecting to nsqd that went
 */
public record NsqLookupd(List<NsqAddress> httpAddresses, Duration pollInterval) {

    /** How often nsqlookupd is asked unless told otherwise. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(15);

    public NsqLookupd {
        httpAddresses = List.copyOf(httpAddresses);
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval);
        }
    }

    /** No nsqlookupd: consumers read from the topic's own nsqd only. */
    public static NsqLookupd none() {
        return new NsqLookupd(List.of(), DEFAULT_POLL_INTERVAL);
    }

    public boolean inUse() {
        return !httpAddresses.isEmpty();
    }
}
