package io.smppgateway.smpp.server;

import io.smppgateway.smpp.session.SmppSession;

/** A live bind on our server: the session and the account it bound as. */
public record BoundEsme(EsmeAccount account, SmppSession session) {
}
