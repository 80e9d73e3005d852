package io.smppgateway.http.api;

import com.google.gson.JsonObject;
import io.smppgateway.http.web.ApiException;
import io.smppgateway.store.ValidationException;
import io.smppgateway.store.client.Client;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client (ESME account) in the manual's JSON ("Manage ESME", "Retrieving the list of ESME"). The
 * manual's list shows the password, so this does too.
 */
final class ClientJson {

    private ClientJson() {
    }

    /** The client a POST or PUT body describes, over {@code base} (see {@link GatewayJson#read}). */
    static Client read(JsonObject body, Client.Builder base) {
        JsonFields in = new JsonFields(body);
        if (in.has("username")) base.username(in.text("username"));
        if (in.has("password")) base.password(in.text("password"));
        if (in.has("allow_ip")) base.allowIp(in.text("allow_ip"));
        Integer throughput = in.integer("throughput");
        if (throughput != null) base.throughput(throughput);
        if (in.has("binds")) base.binds(in.integer("binds"));
        if (in.has("enabled")) base.enabled(in.bool("enabled"));
        Map<String, String> errors = new LinkedHashMap<>(in.errors());
        try {
            Client client = base.build();
            if (errors.isEmpty()) {
                return client;
            }
        } catch (ValidationException invalid) {
            invalid.fields().forEach(errors::putIfAbsent);
        }
        throw ApiException.badRequest("invalid client: " + GatewayJson.describe(errors), errors);
    }

    static JsonObject write(Client client) {
        JsonObject json = new JsonObject();
        json.addProperty("id", client.id());
        json.addProperty("username", client.username());
        json.addProperty("password", client.password());
        json.addProperty("allow_ip", client.allowIp());
        json.addProperty("throughput", client.throughput());
        json.addProperty("binds", client.binds());
        json.addProperty("enabled", client.enabled());
        json.addProperty("updated", client.updated());
        json.addProperty("created", client.created());
        return json;
    }
}
