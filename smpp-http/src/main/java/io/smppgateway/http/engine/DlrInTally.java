package io.smppgateway.http.engine;

import io.smppgateway.bridge.flow.DlrInListener;
import io.smppgateway.bridge.message.DlrIn;
import io.smppgateway.http.live.StatusCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * DLR_IN events published per SMSC and status ({@code sent}, {@code delivered}, {@code rejected}...),
 * for {@code smpp_dlr_status_total}. A rejection that names no known gateway counts under the
 * smsc_id it gave ("" when it gave none), so the total is every event the application got.
 */
final class DlrInTally implements DlrInListener {

    /** What one counter is of. */
    private record Key(String smscId, String status) {
    }

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public void published(DlrIn event) {
        String smscId = event.smscId() == null ? "" : event.smscId();
        counts.computeIfAbsent(new Key(smscId, event.status()), key -> new LongAdder()).increment();
    }

    List<StatusCount> snapshot() {
        List<StatusCount> statuses = new ArrayList<>();
        counts.forEach((key, count) -> statuses.add(new StatusCount(key.smscId(), key.status(), count.sum())));
        statuses.sort((a, b) -> a.smscId().equals(b.smscId())
                ? a.status().compareTo(b.status()) : a.smscId().compareTo(b.smscId()));
        return statuses;
    }
}
