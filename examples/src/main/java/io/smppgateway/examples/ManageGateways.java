package io.smppgateway.examples;

import com.google.gson.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Adds an SMSC, lists the SMSCs with their live connections, disables it and deletes it again, over
 * the REST API exactly as the manual's Java examples call it.
 * Usage: {@code ManageGateways <smsc_id> <host> <port> <username> <password>}.
 */
public final class ManageGateways {

    private ManageGateways() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: ManageGateways <smsc_id> <host> <port> <username> <password>");
            System.exit(2);
        }
        run(ExampleSettings.fromEnvironment(), args[0], args[1], Integer.parseInt(args[2]), args[3], args[4]);
    }

    /** Adds the SMSC, lists, disables and deletes it; any call the API refuses throws. */
    static void run(ExampleSettings settings, String smscId, String host, int port, String username, String password)
            throws Exception {
        RestCalls rest = new RestCalls(HttpClient.newHttpClient(), settings);
        JsonObject gateway = new JsonObject();
        gateway.addProperty("smsc_id", smscId);
        gateway.addProperty("host", host);
        gateway.addProperty("port", port);
        gateway.addProperty("username", username);
        gateway.addProperty("password", password);
        gateway.addProperty("enq_interval", 30);
        gateway.addProperty("src_autodetect", true);
        gateway.addProperty("dst_autodetect", true);
        gateway.addProperty("tx_binds", 0);
        gateway.addProperty("rx_binds", 0);
        gateway.addProperty("trx_binds", 1);
        gateway.addProperty("smpp_version", "3.4");
        gateway.addProperty("is_gsm7", true);
        gateway.addProperty("is_secure", false);
        gateway.addProperty("enabled", true);
        JsonObject created = rest.send("POST", "/api/gateways", gateway);
        System.out.println("created: " + created);
        System.out.println("list: " + rest.send("GET", "/api/gateways", null));
        created.addProperty("enabled", false);
        System.out.println("disabled: " + rest.send("PUT", "/api/gateways", created));
        rest.send("DELETE", "/api/gateways/" + created.get("id").getAsLong(), null);
        System.out.println("deleted " + created.get("id"));
    }

    /** The manual's HttpClient calls: JSON bodies and the X-API-Key header. */
    record RestCalls(HttpClient client, ExampleSettings settings) {
        JsonObject send(String method, String path, JsonObject body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder()
                    .uri(URI.create(settings.httpBase() + path))
                    .header("Content-Type", "application/json")
                    .header("X-API-Key", settings.apiToken());
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.toString()));
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isBlank() ? new JsonObject()
                    : com.google.gson.JsonParser.parseString(response.body()).getAsJsonObject();
        }
    }
}
