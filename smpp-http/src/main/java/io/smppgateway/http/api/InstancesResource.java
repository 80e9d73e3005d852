package io.smppgateway.http.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.smppgateway.http.live.GatewayInstance;
import io.smppgateway.http.live.LiveConnections;
import io.smppgateway.http.web.JsonResponses;
import io.undertow.server.HttpServerExchange;

/**
 * {@code GET /api/instances} (ours): the gateway instances live on the shared database, those whose
 * connections the lists show under their {@code instance}, and which of them answers.
 */
public final class InstancesResource {

    private final LiveConnections connections;

    public InstancesResource(LiveConnections connections) {
        this.connections = connections;
    }

    public void list(HttpServerExchange exchange) {
        String self = connections.instance().id();
        JsonArray instances = new JsonArray();
        for (GatewayInstance instance : connections.instances()) {
            JsonObject json = new JsonObject();
            json.addProperty("id", instance.instance().id());
            json.addProperty("host", instance.instance().host());
            json.addProperty("started", instance.started());
            json.addProperty("heartbeat", instance.lastHeartbeat());
            json.addProperty("this_instance", instance.instance().id().equals(self));
            instances.add(json);
        }
        JsonObject body = new JsonObject();
        body.add("instances", instances);
        JsonResponses.send(exchange, 200, body);
    }
}
