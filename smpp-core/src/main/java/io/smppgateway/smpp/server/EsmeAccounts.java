package io.smppgateway.smpp.server;

import io.smppgateway.smpp.session.SmppSession;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Where the server looks accounts up by system_id; the host backs it with its store. */
@FunctionalInterface
public interface EsmeAccounts {

    CompletableFuture<Optional<EsmeAccount>> findBySystemId(String systemId);

    /**
     * Counts a bind that passed every other check against the account's {@code maxBinds} wherever
     * else it is bound: for hosts that run several servers on the same accounts. Completes
     * {@code false} when the account is at its cap elsewhere. One server counts its own binds
     * already, so the default reserves nothing.
     */
    default CompletableFuture<Boolean> reserveBind(EsmeAccount account, SmppSession session) {
        return CompletableFuture.completedFuture(true);
    }

    /** A bind {@link #reserveBind reserved} has closed, or was refused after all. */
    default void releaseBind(EsmeAccount account, SmppSession session) {
    }
}
