package io.smppgateway.runner.tools.soak;

import io.smppgateway.smpp.codec.PduEncoder;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.EnquireLink;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.Pdu;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Phase (b): peers that bind, then flood enquire_link and never read an answer, with a small
 * receive buffer so that the gateway's answers back up at once. The gateway should stop reading
 * from them (its back-pressure) or close them, and hold no more than its bound of their answers;
 * the well-behaved ESME is checked while they are still connected and flooding.
 */
final class NonReadingPeersPhase implements SoakPhase {

    /** A peer whose writes made no progress this long is no longer being read by the gateway. */
    static final long STALLED_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** At most this much is offered per peer: far beyond any bound the gateway should keep. */
    static final long MAX_OCTETS_PER_PEER = 256L * 1024 * 1024;

    private final SoakTarget target;
    private final int peers;

    NonReadingPeersPhase(SoakTarget target, int peers) {
        this.target = target;
        this.peers = peers;
    }

    /** One flooding peer and how far it got. */
    private static final class Peer {
        final SocketChannel channel;
        final ByteBuffer flood = enquireLinks(1024);
        long accepted;
        long lastProgress = System.nanoTime();
        boolean closed;
        boolean stalled;

        Peer(SocketChannel channel) {
            this.channel = channel;
        }
    }

    @Override
    public PhaseResult run(long deadlineNanos, HealthyEsme esme) {
        List<Peer> flooding = new ArrayList<>();
        long errors = 0;
        long unbound = 0;
        try {
            for (int i = 0; i < peers; i++) {
                try {
                    SocketChannel channel = connect();
                    if (!bind(channel)) {
                        unbound++;
                    }
                    channel.configureBlocking(false);
                    flooding.add(new Peer(channel));
                } catch (IOException e) {
                    errors++;
                }
            }
            boolean anyFlowing = true;
            while (anyFlowing && System.nanoTime() < deadlineNanos) {
                anyFlowing = false;
                for (Peer peer : flooding) {
                    if (peer.closed || peer.stalled) {
                        continue;
                    }
                    anyFlowing = true;
                    offer(peer);
                }
                if (anyFlowing) {
                    sleep();
                }
            }
            HealthyEsme.Check health = esme.check();
            long sent = 0;
            long closed = 0;
            long stalled = 0;
            long mostAccepted = 0;
            for (Peer peer : flooding) {
                sent += peer.accepted / 16;
                mostAccepted = Math.max(mostAccepted, peer.accepted);
                closed += peer.closed ? 1 : 0;
                stalled += peer.stalled ? 1 : 0;
            }
            String detail = String.format(Locale.ROOT, "enquire_link from %d peers never reading (%d unbound):"
                            + " %d no longer read by the gateway, %d closed, at most %d KiB taken from one",
                    flooding.size(), unbound, stalled, closed, mostAccepted / 1024);
            return new PhaseResult("non-reading peers", sent, closed, errors, detail, health);
        } finally {
            for (Peer peer : flooding) {
                try {
                    peer.channel.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }

    private SocketChannel connect() throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
            if (target.boundPeerAddress() != null) {
                channel.bind(new InetSocketAddress(target.boundPeerAddress(), 0));
            }
            channel.socket().connect(new InetSocketAddress(target.host(), target.port()), 5_000);
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /** Binds as the soak's account, reading only the bind's answer; false if refused or unanswered. */
    private boolean bind(SocketChannel channel) throws IOException {
        if (target.systemId() == null) {
            return false;
        }
        Pdu bind = (Pdu) BindRequest.of(BindType.TRANSCEIVER, 1, target.systemId(), target.password(), "",
                InterfaceVersion.SMPP_3_4, Address.EMPTY);
        channel.write(ByteBuffer.wrap(PduEncoder.WITH_TLVS.toBytes(bind)));
        channel.socket().setSoTimeout(15_000);
        java.io.DataInputStream answer = new java.io.DataInputStream(channel.socket().getInputStream());
        try {
            byte[] header = new byte[16];
            answer.readFully(header);
            ByteBuffer fields = ByteBuffer.wrap(header);
            int length = fields.getInt();
            answer.skipNBytes(Math.max(0, Math.min(length, PeerSocket.MAX_ANSWER) - 16));
            fields.getInt();
            return fields.getInt() == 0;
        } catch (java.net.SocketTimeoutException | java.io.EOFException e) {
            return false;
        }
    }

    private static void offer(Peer peer) {
        try {
            if (!peer.flood.hasRemaining()) {
                peer.flood.rewind();
            }
            int written = peer.channel.write(peer.flood);
            long now = System.nanoTime();
            if (written > 0) {
                peer.accepted += written;
                peer.lastProgress = now;
                peer.stalled = peer.accepted >= MAX_OCTETS_PER_PEER;
            } else if (now - peer.lastProgress > STALLED_NANOS) {
                peer.stalled = true;
            }
        } catch (IOException e) {
            peer.closed = true;
        }
    }

    private static ByteBuffer enquireLinks(int count) {
        ByteBuffer buffer = ByteBuffer.allocate(16 * count);
        for (int i = 0; i < count; i++) {
            buffer.put(PduEncoder.WITH_TLVS.toBytes(new EnquireLink(i + 2)));
        }
        return buffer.flip();
    }

    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
