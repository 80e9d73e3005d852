package io.smppgateway.bridge.engine;

import io.smppgateway.store.client.Client;
import io.smppgateway.store.client.ClientStore;
import io.smppgateway.smpp.server.EsmeAccount;
import io.smppgateway.smpp.server.EsmeAccounts;
import io.smppgateway.smpp.session.SmppSession;
import io.smppgateway.store.cluster.ClusterStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(StoreEsmeAccounts.class);

    private final ClientStore clients;
    private final ClusterStore cluster;
    private final String instanceId;
    private final Executor executor;

    StoreEsmeAccounts(ClientStore clients, ClusterStore cluster, String instanceId, Executor executor) {
        this.clients = clients;
        this.cluster = cluster;
        this.instanceId = instanceId;
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

    /** The client's {@code binds} is its cap across every instance: the bind is recorded in the shared database. */
    @Override
    public CompletableFuture<Boolean> reserveBind(EsmeAccount account, SmppSession session) {
        try {
            return CompletableFuture.supplyAsync(() -> cluster.reserveBind(account.id(), account.maxBinds(),
                    session.id(), instanceId, System.currentTimeMillis()), executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void releaseBind(EsmeAccount account, SmppSession session) {
        try {
            executor.execute(() -> {
                try {
                    cluster.releaseBind(session.id());
                } catch (RuntimeException e) {
                    log.warn("the closed bind {} of {} could not be released in the database ({}); it counts until"
                            + " this instance stops", session.id(), account.systemId(), e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("the closed bind {} of {} was not released in the database (store calls full or stopped);"
                    + " it counts until this instance stops", session.id(), account.systemId());
        }
    }
}
