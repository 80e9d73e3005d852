package io.smppgateway.http.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool that runs the API's blocking work (store calls, file I/O) off Undertow's I/O
 * threads. When every worker is busy and the queue is full, a request is answered 503 at once
 * rather than waiting without bound.
 */
public final class Workers implements AutoCloseable {

    private final ThreadPoolExecutor pool;

    public Workers(int threads, int queue) {
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                runnable -> {
                    Thread thread = new Thread(runnable, "smpp-http-worker-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /** A handler that runs {@code next} on a worker, in blocking mode, with errors answered as JSON. */
    public HttpHandler blocking(BlockingHandler next) {
        return new Dispatching(next);
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
    }

    /** Work that may block; throws to be answered by {@link ErrorResponses}. */
    @FunctionalInterface
    public interface BlockingHandler {
        void handle(HttpServerExchange exchange) throws Exception;
    }

    private final class Dispatching implements HttpHandler {
        private final BlockingHandler next;

        Dispatching(BlockingHandler next) {
            this.next = next;
        }

        @Override
        public void handleRequest(HttpServerExchange exchange) {
            if (exchange.isInIoThread()) {
                exchange.dispatch(task -> {
                    try {
                        pool.execute(task);
                    } catch (RejectedExecutionException e) {
                        exchange.getResponseHeaders().put(io.undertow.util.Headers.RETRY_AFTER, "1");
                        JsonResponses.error(exchange, 503, "the gateway is busy, try again", Map.of());
                    }
                }, this);
                return;
            }
            exchange.startBlocking();
            try {
                next.handle(exchange);
            } catch (Exception failure) {
                ErrorResponses.send(exchange, failure);
            }
        }
    }
}
