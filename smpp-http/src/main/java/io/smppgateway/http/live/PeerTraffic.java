package io.smppgateway.http.live;

import java.util.Objects;

/**
 * Messages exchanged with one peer since start.
 *
 * @param id          the gateway's or client's numeric id
 * @param name        its smsc_id or username
 * @param messagesIn  messages the peer sent us (an ESME's submit_sm, an SMSC's deliver_sm)
 * @param messagesOut messages we sent the peer (submit_sm to an SMSC, deliver_sm to an ESME)
 */
public record PeerTraffic(long id, String name, long messagesIn, long messagesOut) {

    public PeerTraffic {
        Objects.requireNonNull(name, "name");
    }
}
