package io.smppgateway.smpp.server;

import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.RequestHandler;
import io.smppgateway.smpp.session.SessionConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Accounts held in memory and a way to bind ESME sessions to a server under test. */
final class TestEsmes implements EsmeAccounts {

    private final Map<String, EsmeAccount> accounts = new ConcurrentHashMap<>();

    EsmeAccount add(long id, String systemId, String password, int maxBinds, int throughput, String... allowed) {
        EsmeAccount account = new EsmeAccount(id, systemId, password, true, List.of(allowed), maxBinds, throughput);
        accounts.put(systemId, account);
        return account;
    }

    void put(EsmeAccount account) {
        accounts.put(account.systemId(), account);
    }

    @Override
    public CompletableFuture<Optional<EsmeAccount>> findBySystemId(String systemId) {
        return CompletableFuture.completedFuture(Optional.ofNullable(accounts.get(systemId)));
    }

    static CompletableFuture<ChannelSession> bind(SmppConnector connector, int port, BindType type,
                                                  InterfaceVersion version, String systemId, String password,
                                                  SessionConfig config, RequestHandler handler) {
        BindRequest bind = BindRequest.of(type, 1, systemId, password, "", version, Address.EMPTY);
        return connector.connectAndBind("127.0.0.1", port, null, Duration.ofSeconds(5), config, bind, handler,
                PduListener.NONE);
    }

    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }
}
