package io.smppgateway.http.web;

import io.smppgateway.http.logs.InvalidLogFileIdException;
import io.smppgateway.http.logs.LogFileNotFoundException;
import io.smppgateway.store.DuplicateException;
import io.smppgateway.store.NotFoundException;
import io.smppgateway.store.OverloadedException;
import io.smppgateway.store.ValidationException;
import io.undertow.server.HttpServerExchange;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a handler threw into the API's JSON error answer: 400 for a refused value, 404 for an
 * unknown id, 409 for a duplicate, 503 when the database is overloaded, 500 (logged, without
 * details to the caller) for anything unexpected.
 */
public final class ErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {
    }

    public static void send(HttpServerExchange exchange, Throwable failure) {
        if (exchange.isResponseStarted()) {
            // the body is half sent: all we can do is cut the connection so the client sees a failure
            log.warn("{} {} failed after its answer started: {}", exchange.getRequestMethod(),
                    exchange.getRequestPath(), failure.toString());
            try {
                exchange.getConnection().close();
            } catch (java.io.IOException e) {
                log.debug("closing the connection failed", e);
            }
            return;
        }
        if (failure instanceof ApiException api) {
            if (api.status() == 413) {
                // the unread rest of the body would be taken for the next request: close after answering
                exchange.setPersistent(false);
            }
            JsonResponses.error(exchange, api.status(), api.getMessage(), api.fields());
        } else if (failure instanceof ValidationException invalid) {
            JsonResponses.error(exchange, 400, invalid.getMessage(), invalid.fields());
        } else if (failure instanceof DuplicateException duplicate) {
            JsonResponses.error(exchange, 409, duplicate.getMessage(), Map.of(duplicate.field(), "already exists"));
        } else if (failure instanceof NotFoundException missing) {
            JsonResponses.error(exchange, 404, missing.getMessage(), Map.of());
        } else if (failure instanceof InvalidLogFileIdException invalidId) {
            JsonResponses.error(exchange, 400, invalidId.getMessage(), Map.of("files", "invalid file id"));
        } else if (failure instanceof LogFileNotFoundException missingLog) {
            JsonResponses.error(exchange, 404, missingLog.getMessage(), Map.of());
        } else if (failure instanceof OverloadedException overloaded) {
            exchange.getResponseHeaders().put(io.undertow.util.Headers.RETRY_AFTER, "1");
            JsonResponses.error(exchange, 503, "the database is busy, try again: " + overloaded.getMessage(), Map.of());
        } else {
            log.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestPath(), failure);
            JsonResponses.error(exchange, 500, "internal error (see the gateway's log)", Map.of());
        }
    }
}
