package io.smppgateway.smpp.interop.session;

import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.DeliverSmResp;
import io.smppgateway.smpp.pdu.EnquireLink;
import io.smppgateway.smpp.pdu.EnquireLinkResp;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.server.BoundEsme;
import io.smppgateway.smpp.server.EsmeAccount;
import io.smppgateway.smpp.server.EsmeRequestHandler;
import io.smppgateway.smpp.server.SmppServer;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.smpp.session.PduDirection;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.SessionConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Our {@link SmppServer} on 127.0.0.1 with one account, as the peer of another library's ESME: it
 * answers every submit_sm with a fresh message id and keeps what it received and the command ids
 * of every PDU it exchanged, so that a test can check what went over the wire in both directions.
 */
final class GatewayServerFixture implements AutoCloseable {

    static final long ACCOUNT_ID = 7;
    static final String SYSTEM_ID = "esme1";
    static final String PASSWORD = "secret";
    static final String SERVER_SYSTEM_ID = "gw";

    /** A submit as the server's handler saw it, with the id it answered. */
    record Received(SubmitSm submit, String messageId) {
    }

    /** One PDU that went over a session of the server. */
    record Exchanged(PduDirection direction, CommandId commandId) {
    }

    private final AtomicInteger nextId = new AtomicInteger(0x5a00);
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final List<Exchanged> exchanged = new CopyOnWriteArrayList<>();
    private final SmppServer server;

    GatewayServerFixture() {
        EsmeAccount account = new EsmeAccount(ACCOUNT_ID, SYSTEM_ID, PASSWORD, true, List.of(), 4, 0);
        EsmeRequestHandler handler = (esme, session, request) -> {
            if (request instanceof SubmitSm submit) {
                String id = Integer.toHexString(nextId.incrementAndGet());
                received.add(new Received(submit, id));
                return CompletableFuture.completedFuture(submit.response(id));
            }
            return null;
        };
        PduListener recorder = new PduListener() {
            @Override
            public void onPdu(io.smppgateway.smpp.session.SmppSession session, PduDirection direction,
                              io.smppgateway.smpp.pdu.Pdu pdu, byte[] octets) {
                if (pdu != null) {
                    exchanged.add(new Exchanged(direction, pdu.commandId()));
                }
            }
        };
        SmppServerConfig config = SmppServerConfig.defaults()
                .withAddress("127.0.0.1", 0)
                .withSystemId(SERVER_SYSTEM_ID)
                .withSession(SessionConfig.defaults().withResponseTimeout(Duration.ofSeconds(10)));
        server = SmppServer.start(config, systemId -> CompletableFuture.completedFuture(
                systemId.equals(SYSTEM_ID) ? Optional.of(account) : Optional.empty()), handler, recorder);
    }

    int port() {
        return server.port();
    }

    SmppServer server() {
        return server;
    }

    /** The next submit the server answered, waiting for it. */
    Received nextSubmit() {
        try {
            Received next = received.poll(15, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("no submit_sm reached the server within 15 s");
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    List<BoundEsme> binds() {
        return server.sessions().ofAccount(ACCOUNT_ID);
    }

    /** The account's only bind; fails when there is not exactly one. */
    BoundEsme onlyBind() {
        List<BoundEsme> binds = binds();
        if (binds.size() != 1) {
            throw new AssertionError("expected one bind of " + SYSTEM_ID + ", have " + binds);
        }
        return binds.get(0);
    }

    boolean saw(PduDirection direction, CommandId commandId) {
        return exchanged.contains(new Exchanged(direction, commandId));
    }

    /** Sends enquire_link on the account's only bind. */
    CompletableFuture<EnquireLinkResp> enquireLink() {
        return onlyBind().session().send(new EnquireLink(0));
    }

    CompletableFuture<DeliverSmResp> deliver(DeliverSm deliverSm) {
        return server.deliver(ACCOUNT_ID, deliverSm);
    }

    @Override
    public void close() {
        server.close();
    }
}
