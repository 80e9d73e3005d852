package io.smppgateway.smpp.client;

import io.netty.bootstrap.Bootstrap;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindResponse;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.RequestHandler;
import io.smppgateway.smpp.session.SessionConfig;
import io.smppgateway.smpp.session.SessionRole;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Opens ESME sessions to an SMSC: connects (optionally over TLS) and binds. One connector shares its
 * event loops among all the sessions it opens; close it to stop them.
 */
public final class SmppConnector implements AutoCloseable {

    private final EventLoopGroup group;
    private final boolean ownsGroup;

    public SmppConnector() {
        this(new MultiThreadIoEventLoopGroup(0, NioIoHandler.newFactory()), true);
    }

    public SmppConnector(EventLoopGroup group) {
        this(group, false);
    }

    private SmppConnector(EventLoopGroup group, boolean ownsGroup) {
        this.group = group;
        this.ownsGroup = ownsGroup;
    }

    /**
     * Connects; the session is OPEN (not bound) when the future completes, after the TLS handshake
     * when {@code ssl} is given. A failed handshake fails it with {@link TlsHandshakeFailedException}.
     */
    public CompletableFuture<ChannelSession> connect(String host, int port, SslContext ssl, Duration connectTimeout,
                                                     SessionConfig config, RequestHandler handler,
                                                     PduListener pduListener) {
        CompletableFuture<ChannelSession> result = new CompletableFuture<>();
        ChannelSession[] created = new ChannelSession[1];
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (ssl != null) {
                            channel.pipeline().addLast("tls", ssl.newHandler(channel.alloc(), host, port));
                        }
                        created[0] = ChannelSession.install(channel, SessionRole.ESME, config, handler, null, pduListener);
                    }
                });
        ChannelFuture connecting = bootstrap.connect(host, port);
        connecting.addListener(done -> {
            if (!done.isSuccess()) {
                result.completeExceptionally(done.cause());
                return;
            }
            SslHandler tls = connecting.channel().pipeline().get(SslHandler.class);
            if (tls == null) {
                result.complete(created[0]);
                return;
            }
            // Waiting for the handshake lets a certificate problem be told as one, not as a closed connection.
            tls.handshakeFuture().addListener(handshake -> {
                if (handshake.isSuccess()) {
                    result.complete(created[0]);
                } else {
                    result.completeExceptionally(TlsHandshakeFailedException.of(host, port, handshake.cause()));
                }
            });
        });
        return result;
    }

    /**
     * Connects and binds. Completes with the bound session; fails with {@link BindRefusedException}
     * when the SMSC answers the bind with an error (the connection is then closed).
     */
    public CompletableFuture<ChannelSession> connectAndBind(String host, int port, SslContext ssl,
                                                            Duration connectTimeout, SessionConfig config,
                                                            BindRequest bind, RequestHandler handler,
                                                            PduListener pduListener) {
        return connect(host, port, ssl, connectTimeout, config, handler, pduListener)
                .thenCompose(session -> session.bind(bind).handle((BindResponse response, Throwable failure) -> {
                    if (failure != null) {
                        session.close();
                        throw new java.util.concurrent.CompletionException(failure);
                    }
                    if (response.commandStatus() != 0) {
                        session.close();
                        throw new BindRefusedException(response.commandStatus());
                    }
                    return session;
                }));
    }

    public EventLoopGroup group() {
        return group;
    }

    @Override
    public void close() {
        if (ownsGroup) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

}
