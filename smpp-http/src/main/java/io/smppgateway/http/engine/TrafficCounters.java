package io.smppgateway.http.engine;

import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.pdu.Pdu;
import io.smppgateway.smpp.session.PduDirection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Messages per peer for the metrics, counted as the PDUs pass the sessions' listeners (no extra
 * work on the event loop beyond an add): for an ESME, submit_sm/data_sm/submit_multi received are
 * in and deliver_sm sent are out; for an SMSC, submit_sm sent are out and deliver_sm/data_sm
 * received are in.
 *
 * @param <P> what a peer is known by: an SMSC by its smsc_id, an ESME by its {@link EsmeName}
 */
final class TrafficCounters<P> {

    /** Messages in and out of one peer. */
    static final class Traffic {
        final LongAdder in = new LongAdder();
        final LongAdder out = new LongAdder();
    }

    private final Map<P, Traffic> byPeer = new ConcurrentHashMap<>();

    void count(P peer, PduDirection direction, Pdu pdu) {
        if (peer == null || pdu == null) {
            return;
        }
        CommandId command = pdu.commandId();
        boolean message = command == CommandId.SUBMIT_SM || command == CommandId.DATA_SM
                || command == CommandId.SUBMIT_MULTI || command == CommandId.DELIVER_SM;
        if (!message) {
            return;
        }
        Traffic traffic = byPeer.computeIfAbsent(peer, p -> new Traffic());
        (direction == PduDirection.RECEIVED ? traffic.in : traffic.out).increment();
    }

    Map<P, Traffic> snapshot() {
        return Map.copyOf(byPeer);
    }
}
