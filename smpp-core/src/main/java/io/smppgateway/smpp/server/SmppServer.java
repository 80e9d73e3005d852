package io.smppgateway.smpp.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.DeliverSmResp;
import io.smppgateway.smpp.pdu.PduRequest;
import io.smppgateway.smpp.pdu.PduResponse;
import io.smppgateway.smpp.session.CommandStatusException;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.RequestHandler;
import io.smppgateway.smpp.session.SessionRole;
import io.smppgateway.smpp.session.SmppSession;
import io.netty.channel.WriteBufferWaterMark;
import io.smppgateway.smpp.log.RepeatedLines;
import io.smppgateway.smpp.tls.ServerTls;
import io.smppgateway.smpp.tls.TlsIdentity;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMPP server ESMEs bind to: plain TCP and TLS listeners, binds decided against the host's
 * accounts, messages handed to the host, deliveries round-robin over receiving binds.
 *
 * <pre>{@code
 * try (SmppServer server = SmppServer.start(config, accounts, handler, PduListener.NONE)) {
 *     server.sessions().deliver(accountId, receipt);
 * }
 * }</pre>
 */
public final class SmppServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmppServer.class);

    private final SmppServerConfig config;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final EsmeSessions sessions = new EsmeSessions();
    private final List<Channel> listeners = new ArrayList<>();
    private final List<ChannelSession> connections = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final ConnectionLimits limits;
    private final BindThrottle bindThrottle;
    private final RepeatedLines peerLines = RepeatedLines.perMinute();
    private volatile boolean closing;
    private final Admitter admitter = new Admitter();

    private SmppServer(SmppServerConfig config) {
        this.config = config;
        this.limits = new ConnectionLimits(config.connections().total(), config.connections().perAddress());
        this.bindThrottle = new BindThrottle(config.bindThrottle(), System::nanoTime);
        this.boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        this.workers = new MultiThreadIoEventLoopGroup(0, NioIoHandler.newFactory());
    }

    /** Starts listening; the returned server stops with {@link #close()}. */
    public static SmppServer start(SmppServerConfig config, EsmeAccounts accounts, EsmeRequestHandler handler,
                                   PduListener pduListener) {
        return start(config, accounts, handler, pduListener, EsmeBindListener.NONE);
    }

    /** Starts listening and tells {@code bindListener} of every successful bind, after its bind_resp. */
    public static SmppServer start(SmppServerConfig config, EsmeAccounts accounts, EsmeRequestHandler handler,
                                   PduListener pduListener, EsmeBindListener bindListener) {
        SmppServer server = new SmppServer(config);
        try {
            server.listen(accounts, handler, pduListener, bindListener);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void listen(EsmeAccounts accounts, EsmeRequestHandler handler, PduListener pduListener,
                        EsmeBindListener bindListener) {
        // A bad certificate or key fails the start before any port listens, plain ones included.
        SslContext ssl = config.tlsPort() >= 0 ? sslContext() : null;
        EsmeBinder binder = new EsmeBinder(accounts, sessions, config.systemId(), bindThrottle, workers, peerLines,
                bindListener);
        boss.scheduleAtFixedRate(this::summarisePeerLines, 1, 1, TimeUnit.MINUTES);
        RequestHandler requests = (session, request) -> forward(handler, session, request);
        if (config.port() >= 0) {
            listeners.add(bind(config.port(), null, binder, requests, pduListener));
        }
        if (config.tlsPort() >= 0) {
            listeners.add(bind(config.tlsPort(), ssl, binder, requests, pduListener));
        }
    }

    private CompletableFuture<? extends PduResponse> forward(EsmeRequestHandler handler, SmppSession session,
                                                              PduRequest<?> request) {
        BoundEsme bound = sessions.ofSession(session.id());
        if (bound == null) {
            return CompletableFuture.failedFuture(new CommandStatusException(
                    io.smppgateway.smpp.pdu.CommandStatus.ESME_RINVBNDSTS, "not bound"));
        }
        return handler.onRequest(bound.account(), session, request);
    }

    private SslContext sslContext() {
        if (config.certificate() == null || config.privateKey() == null) {
            throw new IllegalArgumentException("TLS needs a certificate and a private key");
        }
        return ServerTls.context(TlsIdentity.load(config.certificate(), config.privateKey()));
    }

    private Channel bind(int port, SslContext ssl, EsmeBinder binder, RequestHandler requests, PduListener pduListener) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                // Reading from a peer stops while this much of our output waits for it (ChannelSession).
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024))
                // Admission runs on the single acceptor thread, in the order the connections arrived.
                .handler(admitter)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (ssl != null) {
                            channel.pipeline().addLast("tls", ssl.newHandler(channel.alloc()));
                        }
                        ChannelSession session = ChannelSession.install(channel, SessionRole.SMSC, config.session(),
                                requests, binder, pduListener);
                        connections.add(session);
                        session.closeFuture().whenComplete((ignored, failure) -> connections.remove(session));
                        closeIfUnbound(session, config.bindTimeout());
                    }
                });
        try {
            Channel channel = bootstrap.bind(config.host(), port).sync().channel();
            log.info("SMPP server listening on {}{}", channel.localAddress(), ssl != null ? " (TLS)" : "");
            return channel;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding port " + port, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot listen on " + config.host() + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sits on the listening channel before Netty's acceptor: a connection beyond the limits is closed before it is
     * registered with a worker, so no worker ever runs code for it.
     */
    @ChannelHandler.Sharable
    private final class Admitter extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object accepted) {
            Channel channel = (Channel) accepted;
            if (closing || !admit(channel)) {
                channel.unsafe().closeForcibly();
                return;
            }
            ctx.fireChannelRead(accepted);
        }
    }

    /** Counts the connection in, or says why it is closed at once; it is counted out when it closes. */
    private boolean admit(Channel channel) {
        InetAddress address = channel.remoteAddress() instanceof InetSocketAddress remote ? remote.getAddress() : null;
        ConnectionLimits.Admission admission = limits.admit(address);
        if (admission != ConnectionLimits.Admission.ADMITTED) {
            long skipped = peerLines.take("connections refused from " + BindThrottle.keyOf(address));
            if (skipped >= 0) {
                log.warn("refusing a connection from {}: {}{}", channel.remoteAddress(),
                        admission == ConnectionLimits.Admission.SERVER_FULL
                                ? "the server holds its " + config.connections().total() + " connections"
                                : "that address holds " + config.connections().perAddress() + " connections already",
                        RepeatedLines.suffix(skipped));
            }
            return false;
        }
        channel.closeFuture().addListener(closed -> limits.release(address));
        return true;
    }

    private void summarisePeerLines() {
        for (RepeatedLines.Summary summary : peerLines.drainEnded()) {
            log.info("{} more lines like '{}' were not logged in the last minute", summary.count(), summary.key());
        }
    }

    /** Connections held now, bound or not. */
    public int connectionCount() {
        return limits.total();
    }

    private static void closeIfUnbound(ChannelSession session, Duration bindTimeout) {
        session.channel().eventLoop().schedule(() -> {
            if (!session.state().isBound()) {
                session.close();
            }
        }, bindTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The plain TCP port, or -1. */
    public int port() {
        return portOf(config.port() >= 0 ? 0 : -1);
    }

    /** The TLS port, or -1. */
    public int tlsPort() {
        return portOf(config.tlsPort() < 0 ? -1 : (config.port() >= 0 ? 1 : 0));
    }

    private int portOf(int index) {
        return index < 0 ? -1 : ((InetSocketAddress) listeners.get(index).localAddress()).getPort();
    }

    /** The live binds, by account, and deliveries to them. */
    public EsmeSessions sessions() {
        return sessions;
    }

    /** Every connection, bound or not. */
    public List<SmppSession> connections() {
        return List.copyOf(connections);
    }

    /** Sends a deliver_sm (an MO message or a receipt) to one of the account's receiving binds. */
    public CompletableFuture<DeliverSmResp> deliver(long accountId, DeliverSm deliverSm) {
        return sessions.deliver(accountId, deliverSm);
    }

    /** Unbinds every session of an account, as when it is disabled or edited. */
    public CompletableFuture<Void> unbindAccount(long accountId) {
        return sessions.unbindAccount(accountId);
    }

    private static CompletableFuture<Void> unbindAll(List<SmppSession> targets) {
        return CompletableFuture.allOf(targets.stream().map(SmppSession::unbind).toArray(CompletableFuture[]::new));
    }

    /** Stops listening, unbinds every session in parallel (bounded by the unbind timeout), and stops the threads. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing = true;
        for (Channel listener : listeners) {
            listener.close().syncUninterruptibly();
        }
        try {
            unbindAll(List.copyOf(connections))
                    .get(config.session().unbindTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("not every ESME session closed in time: {}", e.toString());
        }
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
