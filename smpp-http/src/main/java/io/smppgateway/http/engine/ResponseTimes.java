package io.smppgateway.http.engine;

import io.smppgateway.http.live.LatencyHistogram;
import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.pdu.Pdu;
import io.smppgateway.smpp.session.PduDirection;
import io.smppgateway.smpp.session.SmppSession;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How long a request waits for its response, per peer, as a Prometheus histogram: for ESMEs, from
 * the submit_sm (data_sm, submit_multi) we received to the response we sent, which includes the
 * SMS_IN publish; for SMSCs, from the submit_sm (data_sm) we sent to the SMSC's response, and from
 * the receipt (deliver_sm, data_sm) an SMSC sent to our response, which includes the DLR_IN publish
 * and the final mark, and which with the SMSC's window bounds the receipts it can send per second.
 *
 * <p>Fed by the sessions' PDU listeners, on each session's event loop: a request stores its start
 * time in a slot of the session's ring chosen by its sequence number, and the response with the
 * same number reads it back. No allocation per PDU; a request never answered is overwritten by a
 * later one, so memory stays bounded whatever the peer does.
 */
final class ResponseTimes {

    /** Bucket bounds in seconds: sub-millisecond to the response timeouts. */
    static final double[] BOUNDS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
            30};
    private static final int RING = 1024;

    private final String operation;
    private final PduDirection requestDirection;
    private final Set<CommandId> requests;
    private final Set<CommandId> responses = EnumSet.of(CommandId.GENERIC_NACK);
    private final Map<String, Histogram> byPeer = new ConcurrentHashMap<>();
    private final Map<String, Ring> bySession = new ConcurrentHashMap<>();

    /**
     * @param operation        the histogram's {@code operation} label
     * @param requestDirection whether we receive the requests ({@code RECEIVED}) or send them
     * @param requests         the requests timed
     */
    ResponseTimes(String operation, PduDirection requestDirection, Set<CommandId> requests) {
        this.operation = operation;
        this.requestDirection = requestDirection;
        this.requests = EnumSet.copyOf(requests);
        requests.forEach(request -> responses.add(request.responseId()));
    }

    /** Message submits: submit_sm, data_sm, submit_multi. */
    static ResponseTimes submits(String operation, PduDirection requestDirection) {
        return new ResponseTimes(operation, requestDirection,
                EnumSet.of(CommandId.SUBMIT_SM, CommandId.DATA_SM, CommandId.SUBMIT_MULTI));
    }

    /** Called with every PDU of a session whose peer is known; ignores all but the timed requests and their responses. */
    void onPdu(String peer, SmppSession session, PduDirection direction, Pdu pdu) {
        if (peer == null || pdu == null) {
            return;
        }
        CommandId command = pdu.commandId();
        if (direction == requestDirection && requests.contains(command)) {
            ring(session).start(pdu.sequenceNumber(), System.nanoTime());
        } else if (direction != requestDirection && responses.contains(command)) {
            Ring ring = bySession.get(session.id());
            long started = ring == null ? 0 : ring.take(pdu.sequenceNumber());
            if (started != 0) {
                byPeer.computeIfAbsent(peer, p -> new Histogram()).observe(System.nanoTime() - started);
            }
        }
    }

    private Ring ring(SmppSession session) {
        Ring ring = bySession.get(session.id());
        if (ring == null) {
            ring = new Ring();
            bySession.put(session.id(), ring);
            session.closeFuture().whenComplete((ignored, failure) -> bySession.remove(session.id()));
        }
        return ring;
    }

    List<LatencyHistogram> snapshot() {
        List<LatencyHistogram> histograms = new ArrayList<>();
        byPeer.forEach((peer, histogram) -> histograms.add(histogram.snapshot(operation, peer)));
        histograms.sort((a, b) -> a.peer().compareTo(b.peer()));
        return histograms;
    }

    /** Start times of one session's unanswered submits, by sequence number; touched only on its event loop. */
    private static final class Ring {
        private final int[] sequences = new int[RING];
        private final long[] starts = new long[RING];

        void start(int sequence, long nanos) {
            int slot = sequence & (RING - 1);
            sequences[slot] = sequence;
            starts[slot] = nanos;
        }

        /** The start of the request with this sequence number, or 0 when it is not (or no longer) here. */
        long take(int sequence) {
            int slot = sequence & (RING - 1);
            if (sequences[slot] != sequence || starts[slot] == 0) {
                return 0;
            }
            long started = starts[slot];
            starts[slot] = 0;
            return started;
        }
    }

    /** Counts per bucket, the total and the sum, each added to without locks from any event loop. */
    private static final class Histogram {
        private final LongAdder[] buckets = new LongAdder[BOUNDS.length];
        private final LongAdder count = new LongAdder();
        private final LongAdder sumNanos = new LongAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(long nanos) {
            double seconds = nanos / 1e9;
            for (int i = 0; i < BOUNDS.length; i++) {
                if (seconds <= BOUNDS[i]) {
                    buckets[i].increment();
                    break;
                }
            }
            count.increment();
            sumNanos.add(nanos);
        }

        LatencyHistogram snapshot(String operation, String peer) {
            List<Double> bounds = new ArrayList<>(BOUNDS.length);
            List<Long> cumulative = new ArrayList<>(BOUNDS.length);
            long running = 0;
            for (int i = 0; i < BOUNDS.length; i++) {
                running += buckets[i].sum();
                bounds.add(BOUNDS[i]);
                cumulative.add(running);
            }
            long total = Math.max(count.sum(), running);
            return new LatencyHistogram(operation, peer, bounds, cumulative, total, sumNanos.sum() / 1e9);
        }
    }
}
