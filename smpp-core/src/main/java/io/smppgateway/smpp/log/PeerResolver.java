package io.smppgateway.smpp.log;

import io.smppgateway.smpp.server.BoundEsme;
import io.smppgateway.smpp.server.EsmeSessions;
import io.smppgateway.smpp.session.SmppSession;
import java.util.function.Supplier;

/**
 * Whose log a session's PDUs go to: an ESME's {@code client_id} on the server side, an SMSC's
 * {@code smsc_id} on the client side. Called on the session's event loop, so it must be a map
 * look-up at most.
 */
@FunctionalInterface
public interface PeerResolver {

    /** The peer's log name, or {@code null} while it is not known (an ESME that has not bound yet). */
    String peerOf(SmppSession session);

    static PeerResolver fixed(String peer) {
        return session -> peer;
    }

    /**
     * The ESMEs bound to our SMPP server, by their account's id (the REST API's client id). The
     * sessions are supplied late because the server that owns them starts with its listener.
     */
    static PeerResolver boundEsmes(Supplier<EsmeSessions> sessions) {
        return session -> {
            EsmeSessions all = sessions.get();
            BoundEsme bound = all == null ? null : all.ofSession(session.id());
            return bound == null ? null : Long.toString(bound.account().id());
        };
    }
}
