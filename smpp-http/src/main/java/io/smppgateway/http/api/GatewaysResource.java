package io.smppgateway.http.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.smppgateway.http.HttpBackend;
import io.smppgateway.http.live.LiveChange;
import io.smppgateway.http.live.HeldConnection;
import io.smppgateway.http.web.ApiException;
import io.smppgateway.http.web.JsonResponses;
import io.smppgateway.http.web.RequestBodies;
import io.smppgateway.store.gateway.Gateway;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.time.Duration;
import java.util.List;

/**
 * {@code /api/gateways}: the SMSCs, as in the manual's "Manage SMSC" and "Retrieving the list of
 * SMSC". Every change is saved first, then handed to the running gateway, and the answer says what
 * it did with the live connections ({@code "live"}). Runs on worker threads.
 */
public final class GatewaysResource {

    private final HttpBackend backend;
    private final LiveChanges liveChanges;
    private final int maxBodyBytes;

    public GatewaysResource(HttpBackend backend, Duration liveChangeTimeout, int maxBodyBytes) {
        this.backend = backend;
        this.liveChanges = new LiveChanges(liveChangeTimeout);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** GET /api/gateways: {@code {"gateways": [...], "connections": {"BIND_TX": [...], ...}}}. */
    public void list(HttpServerExchange exchange) {
        JsonArray gateways = new JsonArray();
        for (Gateway gateway : backend.gateways().list()) {
            gateways.add(GatewayJson.write(gateway, backend.connections().gatewayQueueCount(gateway.id())));
        }
        JsonObject body = new JsonObject();
        body.add("gateways", gateways);
        body.add("connections", ConnectionsJson.ofGateways(backend.connections().ofGatewaysOnEveryInstance()));
        JsonResponses.send(exchange, 200, body);
    }

    /** GET /api/gateways/{id}: one gateway, with its own connections. */
    public void get(HttpServerExchange exchange) {
        Gateway gateway = find(PathIds.id(exchange, "gateway"));
        JsonObject body = GatewayJson.write(gateway, backend.connections().gatewayQueueCount(gateway.id()));
        List<HeldConnection> own = backend.connections().ofGatewaysOnEveryInstance().stream()
                .filter(held -> held.connection().ownerId() == gateway.id()).toList();
        body.add("connections", ConnectionsJson.ofGateways(own));
        JsonResponses.send(exchange, 200, body);
    }

    /** POST /api/gateways: 201 with the saved gateway and what the runtime did. */
    public void create(HttpServerExchange exchange) {
        JsonObject request = RequestBodies.jsonObject(exchange, maxBodyBytes);
        Gateway gateway = GatewayJson.read(request, Gateway.builder());
        Gateway saved = backend.gateways().create(gateway);
        LiveChange change = liveChanges.await("gateway " + saved.smscId(), backend.control().gatewaySaved(saved));
        exchange.getResponseHeaders().put(Headers.LOCATION, "/api/gateways/" + saved.id());
        JsonResponses.send(exchange, 201, answer(saved, change));
    }

    /**
     * PUT /api/gateways (id in the body, as the manual says) or PUT /api/gateways/{id}. The fields
     * sent replace the stored ones; fields left out keep their values (the password too, which the
     * list never shows).
     */
    public void update(HttpServerExchange exchange) {
        JsonObject request = RequestBodies.jsonObject(exchange, maxBodyBytes);
        long id = ResourceIds.of(exchange, request, "gateway");
        Gateway stored = find(id);
        Gateway gateway = GatewayJson.read(request, stored.toBuilder());
        Gateway saved = backend.gateways().update(gateway);
        LiveChange change = liveChanges.await("gateway " + saved.smscId(), backend.control().gatewaySaved(saved));
        JsonResponses.send(exchange, 200, answer(saved, change));
    }

    /** DELETE /api/gateways/{id}: the gateway's connections are unbound and closed. */
    public void delete(HttpServerExchange exchange) {
        Gateway stored = find(PathIds.id(exchange, "gateway"));
        backend.gateways().delete(stored.id());
        LiveChange change = liveChanges.await("gateway " + stored.smscId(), backend.control().gatewayDeleted(stored));
        JsonObject body = new JsonObject();
        body.addProperty("id", stored.id());
        body.addProperty("deleted", true);
        body.add("live", LiveChanges.json(change));
        JsonResponses.send(exchange, 200, body);
    }

    private JsonObject answer(Gateway saved, LiveChange change) {
        JsonObject body = GatewayJson.write(saved, backend.connections().gatewayQueueCount(saved.id()));
        body.add("live", LiveChanges.json(change));
        return body;
    }

    private Gateway find(long id) {
        return backend.gateways().find(id).orElseThrow(() -> ApiException.notFound("gateway " + id + " does not exist"));
    }
}
