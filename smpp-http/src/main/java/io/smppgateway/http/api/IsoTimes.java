package io.smppgateway.http.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one form the API and the panel show a moment in: ISO 8601 in UTC with milliseconds,
 * {@code 2024-07-26T08:35:52.913Z}, beside the manual's Unix milliseconds.
 */
final class IsoTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX")
            .withZone(ZoneOffset.UTC);

    private IsoTimes() {
    }

    /** The time of Unix milliseconds; null for 0, a time not reached yet. */
    static String of(long unixMillis) {
        return unixMillis <= 0 ? null : FORMAT.format(Instant.ofEpochMilli(unixMillis));
    }
}
