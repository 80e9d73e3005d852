package io.smppgateway.http.logs;

import java.util.List;

/**
 * What a {@link PduLogSearch} found.
 *
 * @param complete false when a bound stopped it (too many entries, too much to read): older
 *                 matches may exist
 */
public record PduLogMatches(List<PduLogEntry> entries, boolean complete) {

    public PduLogMatches {
        entries = List.copyOf(entries);
    }
}
