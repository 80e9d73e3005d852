package io.smppgateway.http.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.smppgateway.http.live.HeldConnection;
import io.smppgateway.http.live.LiveConnection;
import io.smppgateway.smpp.pdu.BindType;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code "connections"} member of the GET lists, exactly as the manual prints it: one array per
 * bind type ({@code BIND_TX}, {@code BIND_RX}, {@code BIND_TRX}, each always present), members in
 * camelCase, the owner as {@code gateway_id} or {@code client_id}. Ours, after the manual's members:
 * {@code instance} and {@code instanceHost}, the instance that holds the connection, and for a bind
 * to an SMSC {@code lastError} (why it is down, empty when it is up) and {@code nextAttempt} (unix
 * seconds of its next connection attempt, 0 when none is planned).
 */
final class ConnectionsJson {

    private ConnectionsJson() {
    }

    static JsonObject ofGateways(List<HeldConnection> connections) {
        return byBindType(connections, false);
    }

    static JsonObject ofClients(List<HeldConnection> connections) {
        return byBindType(connections, true);
    }

    private static JsonObject byBindType(List<HeldConnection> connections, boolean clientSide) {
        JsonObject byType = new JsonObject();
        for (BindType type : BindType.values()) {
            JsonArray list = new JsonArray();
            connections.stream()
                    .filter(held -> held.connection().bindType() == type)
                    .sorted(Comparator.comparingLong((HeldConnection held) -> held.connection().ownerId())
                            .thenComparing(held -> held.connection().connectionId()))
                    .forEach(held -> list.add(json(held, clientSide)));
            byType.add(type.label(), list);
        }
        return byType;
    }

    static JsonObject json(HeldConnection held, boolean clientSide) {
        LiveConnection connection = held.connection();
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
        json.addProperty("instance", held.instance().id());
        json.addProperty("instanceHost", held.instance().host());
        if (!clientSide) {
            json.addProperty("lastError", connection.lastError());
            json.addProperty("nextAttempt", connection.nextAttempt());
        }
        return json;
    }
}
