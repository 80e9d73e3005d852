package io.smppgateway.bridge.engine;

import io.smppgateway.store.client.Client;
import io.smppgateway.store.client.ClientStore;
import io.smppgateway.smpp.server.EsmeAccount;
import io.smppgateway.smpp.server.EsmeAccounts;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The server side authenticates against the {@code clients} table: a bind's system_id is a
 * client's {@code username}. The store call is synchronous, so it runs on the engine's bounded
 * store executor, never on the event loop that received the bind; when that executor is full the
 * bind fails (the ESME gets a bind error and retries), rather than waiting.
 */
final class StoreEsmeAccounts implements EsmeAccounts {

    private final ClientStore clients;
    private final Executor executor;

    StoreEsmeAccounts(ClientStore clients, Executor executor) {
        this.clients = clients;
        this.executor = executor;
    }

    static EsmeAccount account(Client client) {
        return new EsmeAccount(client.id(), client.username(), client.password(), client.enabled(),
                client.allowedAddresses(), client.binds(), client.throughput());
    }

    @Override
    public CompletableFuture<Optional<EsmeAccount>> findBySystemId(String systemId) {
        try {
            return CompletableFuture.supplyAsync(() -> clients.findByUsername(systemId).map(StoreEsmeAccounts::account),
                    executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
