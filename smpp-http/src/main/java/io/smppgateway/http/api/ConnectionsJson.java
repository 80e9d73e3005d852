package io.smppgateway.http.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.smppgateway.http.live.LiveConnection;
import io.smppgateway.smpp.pdu.BindType;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code "connections"} member of the GET lists, exactly as the manual prints it: one array per
 * bind type ({@code BIND_TX}, {@code BIND_RX}, {@code BIND_TRX}, each always present), members in
 * camelCase, the owner as {@code gateway_id} or {@code client_id}.
 */
final class ConnectionsJson {

    private ConnectionsJson() {
    }

    static JsonObject ofGateways(List<LiveConnection> connections) {
        return byBindType(connections, false);
    }

    static JsonObject ofClients(List<LiveConnection> connections) {
        return byBindType(connections, true);
    }

    private static JsonObject byBindType(List<LiveConnection> connections, boolean clientSide) {
        JsonObject byType = new JsonObject();
        for (BindType type : BindType.values()) {
            JsonArray list = new JsonArray();
            connections.stream()
                    .filter(connection -> connection.bindType() == type)
                    .sorted(Comparator.comparingLong(LiveConnection::ownerId).thenComparing(LiveConnection::connectionId))
                    .forEach(connection -> list.add(json(connection, clientSide)));
            byType.add(type.label(), list);
        }
        return byType;
    }

    static JsonObject json(LiveConnection connection, boolean clientSide) {
        JsonObject json = new JsonObject();
        json.addProperty(clientSide ? "client_id" : "gateway_id", connection.ownerId());
        json.addProperty("bindType", connection.bindType().label());
        if (clientSide) {
            json.addProperty("systemType", connection.systemType());
        }
        json.addProperty("status", connection.status().name());
        json.addProperty("connectionId", connection.connectionId());
        json.addProperty("localAddr", connection.localAddr());
        json.addProperty("remoteAddr", connection.remoteAddr());
        json.addProperty("inflightCount", connection.inflightCount());
        json.addProperty("queueCount", connection.queueCount());
        json.addProperty("connected", connection.connected());
        return json;
    }
}
