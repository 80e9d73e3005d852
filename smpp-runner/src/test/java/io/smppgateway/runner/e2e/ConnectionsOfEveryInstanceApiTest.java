package io.smppgateway.runner.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.smppgateway.runner.daemon.GatewayDaemon;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.SessionConfig;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SmscSimulator;
import io.smppgateway.store.client.Client;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two daemons on one MariaDB database and the same topics, as the cluster runs: the REST API of
 * either lists the connections of both, each with the instance that holds it, and the connections
 * of an instance that stopped leave the other's answer.
 */
class ConnectionsOfEveryInstanceApiTest {

    @TempDir
    Path homeOfA;
    @TempDir
    Path homeOfB;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final SmppConnector esme = new SmppConnector();
    private String database;

    @AfterEach
    void stop() throws Exception {
        esme.close();
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        if (database != null) {
            TestServices.dropDatabase(database);
        }
    }

    @Test
    void eitherInstanceListsBothInstancesConnectionsUntilOneStops() throws Exception {
        PrivateGatewayConf confOfA = PrivateGatewayConf.onTestNsqd("ci");
        PrivateGatewayConf confOfB = confOfA.anotherInstance();
        database = confOfA.database();
        TestServices.createDatabase(database);
        SmscSimulator smsc = SmscSimulator.start(SimulatorConfig.defaults());
        toClose.add(smsc);
        GatewayDaemon a = GatewayDaemon.start(confOfA.settings(homeOfA));
        toClose.add(a::stop);
        GatewayDaemon b = GatewayDaemon.start(confOfB.settings(homeOfB));
        toClose.add(b::stop);
        GatewayRestApi apiOfA = new GatewayRestApi(confOfA.restBase(), confOfA.apiToken());
        GatewayRestApi apiOfB = new GatewayRestApi(confOfB.restBase(), confOfB.apiToken());
        String instanceA = a.engine().instanceId();
        String instanceB = b.engine().instanceId();

        Client client = a.database().clients().create(Client.builder().username("on-a").password("pw").binds(1)
                .enabled(true).build());
        esme.connectAndBind("127.0.0.1", a.smppServer().port(), null, Duration.ofSeconds(10),
                SessionConfig.defaults(), BindRequest.of(BindType.TRANSMITTER, 1, "on-a", "pw", "",
                        InterfaceVersion.SMPP_3_4, Address.EMPTY), (session, request) -> null, PduListener.NONE)
                .get(30, TimeUnit.SECONDS);
        long gatewayId = apiOfB.createGateway("""
                {"smsc_id": "both", "host": "127.0.0.1", "port": %d, "username": "gw", "password": "pw",
                 "system_type": "", "enq_interval": 30, "src_autodetect": true, "dst_autodetect": true,
                 "tx_binds": 0, "rx_binds": 2, "trx_binds": 0, "window_size": 10, "smpp_version": "3.4",
                 "is_gsm7": true, "is_secure": false, "enabled": true}
                """.formatted(smsc.port())).get("id").getAsLong();

        for (GatewayRestApi api : List.of(apiOfA, apiOfB)) {
            Awaiting.until(() -> instances(api.get("/api/clients"), "BIND_TX", "client_id", client.id())
                            .equals(List.of(instanceA)),
                    () -> "the ESME's bind on A: " + api.get("/api/clients"));
            assertEquals(List.of(instanceA), instances(api.get("/api/clients/" + client.id()), "BIND_TX",
                    "client_id", client.id()));
            // the instances share the gateway's two binds: one from each, each listed with its instance
            Awaiting.until(() -> sorted(boundInstances(api.get("/api/gateways"), gatewayId))
                            .equals(sorted(List.of(instanceA, instanceB))),
                    () -> "a bound BIND_RX from each instance: " + api.get("/api/gateways"));
            assertEquals(sorted(List.of(instanceA, instanceB)),
                    sorted(boundInstances(api.get("/api/gateways/" + gatewayId), gatewayId)));
        }
        for (GatewayRestApi api : List.of(apiOfA, apiOfB)) {
            assertEquals(sorted(List.of(instanceA, instanceB)), sorted(instanceIds(api.get("/api/instances"))));
        }
        JsonObject esmeOnA = connections(apiOfB.get("/api/clients"), "BIND_TX").get(0);
        assertEquals(a.engine().instanceHost(), esmeOnA.get("instanceHost").getAsString());
        assertEquals("BOUND_TX", esmeOnA.get("status").getAsString());
        assertEquals(a.smppServer().port(), port(esmeOnA.get("localAddr").getAsString()),
                "the connection as A holds it");

        a.stop();

        Awaiting.until(() -> instances(apiOfB.get("/api/clients"), "BIND_TX", "client_id", client.id()).isEmpty()
                        && boundInstances(apiOfB.get("/api/gateways"), gatewayId).equals(List.of(instanceB, instanceB)),
                () -> "only B's connections left, B holding both binds: " + apiOfB.get("/api/clients") + " " + apiOfB.get("/api/gateways"));
        assertEquals(List.of(instanceB), instanceIds(apiOfB.get("/api/instances")), "A left as it stopped");
    }

    private static List<String> instanceIds(JsonObject answer) {
        List<String> ids = new ArrayList<>();
        for (JsonElement instance : answer.getAsJsonArray("instances")) {
            ids.add(instance.getAsJsonObject().get("id").getAsString());
        }
        return ids;
    }

    private static List<JsonObject> connections(JsonObject answer, String bindType) {
        List<JsonObject> list = new ArrayList<>();
        JsonArray array = answer.getAsJsonObject("connections").getAsJsonArray(bindType);
        for (JsonElement connection : array) {
            list.add(connection.getAsJsonObject());
        }
        return list;
    }

    private static List<String> instances(JsonObject answer, String bindType, String ownerField, long ownerId) {
        return connections(answer, bindType).stream().filter(c -> c.get(ownerField).getAsLong() == ownerId)
                .map(c -> c.get("instance").getAsString()).toList();
    }

    private static List<String> boundInstances(JsonObject answer, long gatewayId) {
        return connections(answer, "BIND_RX").stream().filter(c -> c.get("gateway_id").getAsLong() == gatewayId
                        && c.get("status").getAsString().equals("BOUND_RX"))
                .map(c -> c.get("instance").getAsString()).toList();
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }
}
