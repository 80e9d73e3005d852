package io.smppgateway.runner.tools.soak;

import io.smppgateway.smpp.codec.PduEncoder;
import io.smppgateway.smpp.pdu.EnquireLink;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Phase (c): more connections from one address than the gateway's per-address cap, all held open
 * at once. Each is asked an enquire_link: the gateway should answer up to its cap and close the
 * rest as it accepts them. The well-behaved ESME, from another address, is checked while the
 * flood is still connected.
 */
final class ConnectionFloodPhase implements SoakPhase {

    private static final byte[] ENQUIRE_LINK = PduEncoder.WITH_TLVS.toBytes(new EnquireLink(7));

    private final SoakTarget target;
    private final int connections;

    ConnectionFloodPhase(SoakTarget target, int connections) {
        this.target = target;
        this.connections = connections;
    }

    @Override
    public PhaseResult run(long deadlineNanos, HealthyEsme esme) {
        List<PeerSocket> open = new ArrayList<>();
        long refused = 0;
        try {
            for (int i = 0; i < connections && System.nanoTime() < deadlineNanos; i++) {
                try {
                    open.add(PeerSocket.connect(target, target.peerAddress(), Duration.ofSeconds(5)));
                } catch (IOException e) {
                    refused++;
                }
            }
            long answered = 0;
            long closed = 0;
            long silent = 0;
            for (PeerSocket peer : open) {
                try {
                    peer.send(ENQUIRE_LINK);
                    PeerSocket.Answer answer = peer.read();
                    if (answer == null) {
                        closed++;
                    } else {
                        answered++;
                    }
                } catch (SocketTimeoutException e) {
                    silent++;
                } catch (IOException e) {
                    if (PeerSocket.isReset(e)) {
                        closed++;
                    } else {
                        silent++;
                    }
                }
            }
            HealthyEsme.Check health = esme.check();
            String detail = String.format(Locale.ROOT, "connections from one address held open: %d answered,"
                    + " %d closed by the gateway, %d silent, %d not accepted", answered, closed, silent, refused);
            return new PhaseResult("connection flood", open.size() + refused, closed, refused + silent, detail,
                    health);
        } finally {
            open.forEach(PeerSocket::close);
        }
    }
}
