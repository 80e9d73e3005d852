package io.smppgateway.http.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.smppgateway.http.HttpBackend;
import io.smppgateway.http.live.LiveChange;
import io.smppgateway.http.live.HeldConnection;
import io.smppgateway.http.web.ApiException;
import io.smppgateway.http.web.JsonResponses;
import io.smppgateway.http.web.RequestBodies;
import io.smppgateway.store.client.Client;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.time.Duration;
import java.util.List;

/**
 * {@code /api/clients}: the ESME accounts, as in the manual's "Manage ESME" and "Retrieving the list
 * of ESME", with the same save-then-apply rule as {@link GatewaysResource}.
 */
public final class ClientsResource {

    private final HttpBackend backend;
    private final LiveChanges liveChanges;
    private final int maxBodyBytes;

    public ClientsResource(HttpBackend backend, Duration liveChangeTimeout, int maxBodyBytes) {
        this.backend = backend;
        this.liveChanges = new LiveChanges(liveChangeTimeout);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** GET /api/clients: {@code {"clients": [...], "connections": {...}}}. */
    public void list(HttpServerExchange exchange) {
        JsonArray clients = new JsonArray();
        for (Client client : backend.clients().list()) {
            clients.add(ClientJson.write(client));
        }
        JsonObject body = new JsonObject();
        body.add("clients", clients);
        body.add("connections", ConnectionsJson.ofClients(backend.connections().ofClientsOnEveryInstance()));
        JsonResponses.send(exchange, 200, body);
    }

    public void get(HttpServerExchange exchange) {
        Client client = find(PathIds.id(exchange, "client"));
        JsonObject body = ClientJson.write(client);
        List<HeldConnection> own = backend.connections().ofClientsOnEveryInstance().stream()
                .filter(held -> held.connection().ownerId() == client.id()).toList();
        body.add("connections", ConnectionsJson.ofClients(own));
        JsonResponses.send(exchange, 200, body);
    }

    public void create(HttpServerExchange exchange) {
        JsonObject request = RequestBodies.jsonObject(exchange, maxBodyBytes);
        Client saved = backend.clients().create(ClientJson.read(request, Client.builder()));
        LiveChange change = liveChanges.await("client " + saved.username(), backend.control().clientSaved(saved));
        exchange.getResponseHeaders().put(Headers.LOCATION, "/api/clients/" + saved.id());
        JsonResponses.send(exchange, 201, answer(saved, change));
    }

    public void update(HttpServerExchange exchange) {
        JsonObject request = RequestBodies.jsonObject(exchange, maxBodyBytes);
        Client stored = find(ResourceIds.of(exchange, request, "client"));
        Client saved = backend.clients().update(ClientJson.read(request, stored.toBuilder()));
        LiveChange change = liveChanges.await("client " + saved.username(), backend.control().clientSaved(saved));
        JsonResponses.send(exchange, 200, answer(saved, change));
    }

    public void delete(HttpServerExchange exchange) {
        Client stored = find(PathIds.id(exchange, "client"));
        backend.clients().delete(stored.id());
        LiveChange change = liveChanges.await("client " + stored.username(), backend.control().clientDeleted(stored));
        JsonObject body = new JsonObject();
        body.addProperty("id", stored.id());
        body.addProperty("deleted", true);
        body.add("live", LiveChanges.json(change));
        JsonResponses.send(exchange, 200, body);
    }

    private static JsonObject answer(Client saved, LiveChange change) {
        JsonObject body = ClientJson.write(saved);
        body.add("live", LiveChanges.json(change));
        return body;
    }

    private Client find(long id) {
        return backend.clients().find(id).orElseThrow(() -> ApiException.notFound("client " + id + " does not exist"));
    }
}
