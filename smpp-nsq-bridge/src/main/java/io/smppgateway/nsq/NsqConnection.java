package io.smppgateway.nsq;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One TCP connection to nsqd speaking protocol V2: sends the magic and IDENTIFY, answers
 * heartbeats with NOP, and matches response and error frames to the commands that wait for them
 * in the order they were sent (nsqd answers in order on one connection). Message frames go to the
 * {@link Listener}.
 *
 * <p>All state belongs to the channel's event loop; {@link #request} and {@link #send} may be
 * called from any thread and hop onto it. Futures complete on the event loop: owners must hand
 * user-facing completions to another executor.
 *
 * <p>When nsqd answers a command with a fatal error it closes the connection without reading
 * further, so commands queued behind that one fail with {@link NsqNotSentException}; commands
 * that were in flight when the connection dropped for any other reason fail with
 * {@link NsqOutcomeUnknownException}.
 */
final class NsqConnection extends SimpleChannelInboundHandler<NsqFrame> {

    private static final Logger log = LoggerFactory.getLogger(NsqConnection.class);
    private static final byte[] MAGIC_V2 = "  V2".getBytes(StandardCharsets.US_ASCII);

    /** Receives what a connection delivers outside of request/response. Called on the event loop. */
    interface Listener {
        void onMessage(NsqConnection connection, NsqMessage message);

        /** The connection closed after {@link #open} had completed successfully. */
        void onClosed(NsqConnection connection, Throwable cause);
    }

    private record Awaiting(NsqCommand command, CompletableFuture<NsqFrame.Response> future, long sentNanos) {
    }

    private final NsqAddress address;
    private final Listener listener;
    private final EventLoop loop;
    private final ArrayDeque<Awaiting> awaiting = new ArrayDeque<>();
    private Channel channel;
    private boolean established;
    private boolean fatalErrorSeen;
    private boolean flushScheduled;
    private Throwable closeCause;
    private IdentifyResponse identifyResponse = IdentifyResponse.defaults();
    private volatile long heartbeatsAnswered;

    private NsqConnection(NsqAddress address, EventLoop loop, Listener listener) {
        this.address = address;
        this.loop = loop;
        this.listener = listener;
    }

    /**
     * Connects, sends the magic and IDENTIFY, and completes with the connection once nsqd has
     * answered IDENTIFY. The bootstrap must already name the event loop and channel type.
     */
    static CompletableFuture<NsqConnection> open(Bootstrap template, EventLoop loop, NsqAddress address,
                                                 IdentifyRequest identify, int maxFrameSize,
                                                 Duration handshakeTimeout, Listener listener) {
        NsqConnection connection = new NsqConnection(address, loop, listener);
        CompletableFuture<NsqConnection> ready = new CompletableFuture<>();
        Bootstrap bootstrap = template.clone(loop).handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast("frameDecoder", new NsqFrameDecoder(maxFrameSize));
                ch.pipeline().addLast("commandEncoder", NsqCommandEncoder.INSTANCE);
                ch.pipeline().addLast("nsq", connection);
            }
        });
        bootstrap.connect(address.host(), address.port()).addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                ready.completeExceptionally(f.cause());
                return;
            }
            connection.channel = f.channel();
            connection.channel.write(Unpooled.wrappedBuffer(MAGIC_V2));
            var timeout = loop.schedule(() -> {
                if (ready.completeExceptionally(new NsqProtocolException(
                        "no answer to IDENTIFY from " + address + " within " + handshakeTimeout))) {
                    connection.close();
                }
            }, handshakeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            connection.request(new NsqCommand.Identify(identify.toJson())).whenComplete((response, error) -> {
                timeout.cancel(false);
                if (error != null) {
                    ready.completeExceptionally(error);
                    connection.close();
                    return;
                }
                try {
                    connection.identifyResponse = IdentifyResponse.parse(response.text());
                } catch (NsqProtocolException e) {
                    ready.completeExceptionally(e);
                    connection.close();
                    return;
                }
                if (connection.channel.isActive() && ready.complete(connection)) {
                    connection.established = true;
                } else {
                    ready.completeExceptionally(new NsqProtocolException("connection to " + address + " closed during IDENTIFY"));
                }
            });
        });
        return ready;
    }

    NsqAddress address() {
        return address;
    }

    EventLoop eventLoop() {
        return loop;
    }

    /** nsqd's settings for this connection, from the IDENTIFY answer. */
    IdentifyResponse identifyResponse() {
        return identifyResponse;
    }

    long heartbeatsAnswered() {
        return heartbeatsAnswered;
    }

    boolean isActive() {
        return channel != null && channel.isActive();
    }

    /** Commands sent and still waiting for their answer. Event loop only. */
    int awaitingCount() {
        return awaiting.size();
    }

    /** How long the oldest unanswered command has waited, in nanoseconds (0 when none). Event loop only. */
    long oldestAwaitingNanos() {
        Awaiting first = awaiting.peekFirst();
        return first == null ? 0 : System.nanoTime() - first.sentNanos();
    }

    /** Sends a command that nsqd answers, and completes with the answer (on the event loop). */
    CompletableFuture<NsqFrame.Response> request(NsqCommand command) {
        CompletableFuture<NsqFrame.Response> future = new CompletableFuture<>();
        if (loop.inEventLoop()) {
            write(command, future);
        } else {
            loop.execute(() -> write(command, future));
        }
        return future;
    }

    /** Sends a command that has no answer (RDY, FIN, REQ, TOUCH, NOP); flushes are coalesced. */
    void send(NsqCommand command) {
        if (loop.inEventLoop()) {
            write(command, null);
        } else {
            loop.execute(() -> write(command, null));
        }
    }

    private void write(NsqCommand command, CompletableFuture<NsqFrame.Response> future) {
        if (channel == null || !channel.isActive()) {
            if (future != null) {
                future.completeExceptionally(new NsqNotSentException("not connected to nsqd " + address, closeCause));
            }
            return;
        }
        if (future != null) {
            if (!command.expectsResponse()) {
                throw new IllegalArgumentException(command + " has no answer to wait for");
            }
            awaiting.addLast(new Awaiting(command, future, System.nanoTime()));
        }
        channel.write(command, channel.voidPromise());
        if (!flushScheduled) {
            flushScheduled = true;
            // Commands written in the same event loop turn share one flush (one syscall).
            loop.execute(this::flush);
        }
    }

    private void flush() {
        flushScheduled = false;
        if (channel != null) {
            channel.flush();
        }
    }

    /**
     * Closes the socket once everything written so far has been flushed; awaiting commands fail
     * as described in the class comment.
     */
    CompletableFuture<Void> close() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        if (channel == null) {
            closed.complete(null);
            return closed;
        }
        // An empty write completes after the writes before it, so FIN/REQ sent just before are not dropped.
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(f -> channel.close().addListener(c -> closed.complete(null)));
        return closed;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, NsqFrame frame) {
        if (frame instanceof NsqFrame.Message m) {
            listener.onMessage(this, m.message());
        } else if (frame instanceof NsqFrame.Response r) {
            if (r.isHeartbeat()) {
                heartbeatsAnswered++;
                write(new NsqCommand.Nop(), null);
                return;
            }
            Awaiting head = awaiting.pollFirst();
            if (head == null) {
                failAndClose(new NsqProtocolException("nsqd " + address + " sent a response nobody waits for: " + r));
                return;
            }
            head.future().complete(r);
        } else if (frame instanceof NsqFrame.Error e) {
            if (e.isAcknowledgementFailure()) {
                // Non-fatal: a FIN/REQ/TOUCH for a message nsqd no longer holds (timed out and redelivered).
                log.debug("nsqd {}: {} {}", address, e.code(), e.description());
                return;
            }
            fatalErrorSeen = true;
            Awaiting head = awaiting.pollFirst();
            if (head == null) {
                log.warn("nsqd {} sent an error outside of any command: {} {}", address, e.code(), e.description());
                failAndClose(new NsqErrorResponseException(e.code(), e.description()));
                return;
            }
            head.future().completeExceptionally(new NsqErrorResponseException(e.code(), e.description()));
        } else if (frame instanceof NsqFrame.Malformed m) {
            failAndClose(new NsqProtocolException("malformed frame from nsqd " + address + ": " + m.reason()));
        }
    }

    private void failAndClose(Throwable cause) {
        if (closeCause == null) {
            closeCause = cause;
        }
        channel.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("nsqd {} connection error", address, cause);
        failAndClose(cause);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        Throwable cause = closeCause != null ? closeCause
                : new NsqProtocolException("connection to nsqd " + address + " closed");
        closeCause = cause;
        Awaiting a;
        while ((a = awaiting.pollFirst()) != null) {
            if (fatalErrorSeen) {
                a.future().completeExceptionally(new NsqNotSentException(
                        "nsqd " + address + " closed the connection after a fatal error on an earlier command,"
                                + " so it never read this one", cause));
            } else {
                a.future().completeExceptionally(new NsqOutcomeUnknownException(
                        "connection to nsqd " + address + " lost before it answered; the command may or may not"
                                + " have been carried out", cause));
            }
        }
        if (established) {
            listener.onClosed(this, cause);
        }
        super.channelInactive(ctx);
    }

    @Override
    public String toString() {
        return "NsqConnection[" + address + "]";
    }
}
