package io.smppgateway.http.live;

import java.util.List;

/**
 * A message published through {@code POST /api/messages}, as this instance holds it.
 *
 * @param publishedAt Unix milliseconds when the bus accepted it
 * @param dlrInEvents the DLR_IN bodies the gateway published for it so far, oldest first
 */
public record ApiSubmission(long publishedAt, List<String> dlrInEvents) {

    public ApiSubmission {
        dlrInEvents = List.copyOf(dlrInEvents);
    }
}
