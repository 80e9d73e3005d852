package io.smppgateway.examples;

import com.google.gson.JsonObject;
import java.net.http.HttpClient;

/**
 * Adds an ESME account, lists the accounts with their live binds, changes its throughput and
 * deletes it, over the REST API as the manual's examples call it.
 * Usage: {@code ManageClients <username> <password>}.
 */
public final class ManageClients {

    private ManageClients() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ManageClients <username> <password>");
            System.exit(2);
        }
        run(ExampleSettings.fromEnvironment(), args[0], args[1]);
    }

    /** Adds the account, lists, updates and deletes it; any call the API refuses throws. */
    static void run(ExampleSettings settings, String username, String password) throws Exception {
        ManageGateways.RestCalls rest = new ManageGateways.RestCalls(HttpClient.newHttpClient(), settings);
        JsonObject client = new JsonObject();
        client.addProperty("username", username);
        client.addProperty("password", password);
        client.addProperty("allow_ip", "");
        client.addProperty("throughput", 0);
        client.addProperty("binds", 3);
        client.addProperty("enabled", true);
        JsonObject created = rest.send("POST", "/api/clients", client);
        System.out.println("created: " + created);
        System.out.println("list: " + rest.send("GET", "/api/clients", null));
        created.addProperty("throughput", 600);
        System.out.println("updated: " + rest.send("PUT", "/api/clients/" + created.get("id").getAsLong(), created));
        rest.send("DELETE", "/api/clients/" + created.get("id").getAsLong(), null);
        System.out.println("deleted " + created.get("id"));
    }
}
