package io.smppgateway.nsq;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one event loop a producer or consumer runs all its connections and its own state on, so
 * that state needs no locks. The group is either the caller's (left running on close) or one of
 * our own with a single thread.
 */
final class NsqTransport {

    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final EventLoop loop;
    private final Bootstrap bootstrap;

    NsqTransport(EventLoopGroup sharedGroup, String threadName, Duration connectTimeout) {
        this.ownsGroup = sharedGroup == null;
        this.group = sharedGroup != null ? sharedGroup
                : new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(threadName, true), NioIoHandler.newFactory());
        this.loop = group.next();
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
    }

    EventLoop loop() {
        return loop;
    }

    Bootstrap bootstrap() {
        return bootstrap;
    }

    /** Stops our own event loop (a shared group is left alone). */
    CompletableFuture<Void> shutdown() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!ownsGroup) {
            done.complete(null);
            return done;
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).addListener(f -> done.complete(null));
        return done;
    }
}
