package io.smppgateway.smpp.netty;

import io.netty.channel.ChannelConfig;
import java.util.EnumSet;
import java.util.Set;

/**
 * Whether a session reads from its peer, and why not. Reading stops for as long as any reason
 * holds, so that a peer can only make us hold what one read brings: its further bytes wait in its
 * own socket buffer (TCP back-pressure). Used on the channel's event loop only.
 */
final class ReadGate {

    /** Why a session does not read. */
    enum Reason {
        /** The peer's requests we are working on reached their bound. */
        BUSY,
        /** Our answers are not being taken: the socket's send buffer is full. */
        PEER_NOT_READING
    }

    private final ChannelConfig config;
    private final Set<Reason> closedFor = EnumSet.noneOf(Reason.class);

    ReadGate(ChannelConfig config) {
        this.config = config;
    }

    void close(Reason reason) {
        closedFor.add(reason);
        if (config.isAutoRead()) {
            config.setAutoRead(false);
        }
    }

    void open(Reason reason) {
        closedFor.remove(reason);
        if (closedFor.isEmpty() && !config.isAutoRead()) {
            config.setAutoRead(true);
        }
    }

    boolean isClosedFor(Reason reason) {
        return closedFor.contains(reason);
    }
}
