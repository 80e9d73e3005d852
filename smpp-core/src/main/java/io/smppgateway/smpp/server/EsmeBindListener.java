package io.smppgateway.smpp.server;

/**
 * Told when an ESME has bound: once per successful bind, after its bind_resp has gone out, never
 * for a refused bind. A host uses it to send what waited for the ESME (receipts held while it had
 * no receiving bind). Called on the session's event loop: return at once.
 */
@FunctionalInterface
public interface EsmeBindListener {

    /** Listens to nothing. */
    EsmeBindListener NONE = esme -> { };

    void onBound(BoundEsme esme);
}
