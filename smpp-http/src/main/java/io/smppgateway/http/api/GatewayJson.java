package io.smppgateway.http.api;

import com.google.gson.JsonObject;
import io.smppgateway.http.web.ApiException;
import io.smppgateway.store.ValidationException;
import io.smppgateway.store.gateway.Gateway;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A gateway in the manual's JSON (section "Manage SMSC" for what is sent, "Retrieving the list of
 * SMSC" for what is shown). Limits are checked by {@link Gateway} itself; this class only moves
 * fields, and reports type errors and limit errors together, by field name.
 */
final class GatewayJson {

    private GatewayJson() {
    }

    /**
     * The gateway a POST or PUT body describes: the body's fields over {@code base} (a fresh builder
     * for a POST, the stored gateway for a PUT, so a PUT may send only what changes).
     */
    static Gateway read(JsonObject body, Gateway.Builder base) {
        JsonFields in = new JsonFields(body);
        if (in.has("smsc_id")) base.smscId(in.text("smsc_id"));
        if (in.has("host")) base.host(in.text("host"));
        if (in.has("port")) base.port(in.integer("port"));
        if (in.has("username")) base.username(in.text("username"));
        if (in.has("password")) base.password(in.text("password"));
        if (in.has("system_type")) base.systemType(in.text("system_type"));
        if (in.has("enq_interval")) base.enqInterval(in.integer("enq_interval"));
        if (in.has("src_autodetect")) base.srcAutodetect(in.bool("src_autodetect"));
        setInt(in, "source_ton", base::sourceTon);
        setInt(in, "source_npi", base::sourceNpi);
        if (in.has("dst_autodetect")) base.dstAutodetect(in.bool("dst_autodetect"));
        setInt(in, "dest_ton", base::destTon);
        setInt(in, "dest_npi", base::destNpi);
        if (in.has("tx_binds")) base.txBinds(in.integer("tx_binds"));
        if (in.has("rx_binds")) base.rxBinds(in.integer("rx_binds"));
        if (in.has("trx_binds")) base.trxBinds(in.integer("trx_binds"));
        setInt(in, "window_size", base::windowSize);
        if (in.has("smpp_version")) base.smppVersion(in.text("smpp_version"));
        if (in.has("is_gsm7")) base.gsm7(in.bool("is_gsm7"));
        if (in.has("is_secure")) base.secure(in.bool("is_secure"));
        if (in.has("enabled")) base.enabled(in.bool("enabled"));
        return build(base, in.errors());
    }

    private static void setInt(JsonFields in, String name, IntConsumer setter) {
        Integer value = in.integer(name);
        if (value != null) {
            setter.accept(value);
        }
    }

    private static Gateway build(Gateway.Builder builder, Map<String, String> typeErrors) {
        Map<String, String> errors = new LinkedHashMap<>(typeErrors);
        try {
            Gateway gateway = builder.build();
            if (errors.isEmpty()) {
                return gateway;
            }
        } catch (ValidationException invalid) {
            // a field of the wrong type also shows up as "required" here: its type error says more
            invalid.fields().forEach(errors::putIfAbsent);
        }
        throw ApiException.badRequest("invalid gateway: " + describe(errors), errors);
    }

    static String describe(Map<String, String> errors) {
        StringBuilder text = new StringBuilder();
        errors.forEach((field, problem) -> text.append(text.length() == 0 ? "" : ", ").append(field).append(' ')
                .append(problem));
        return text.toString();
    }

    /** The gateway as the GET list shows it (no password), with its {@code queue_count}. */
    static JsonObject write(Gateway gateway, long queueCount) {
        JsonObject json = new JsonObject();
        json.addProperty("id", gateway.id());
        json.addProperty("smsc_id", gateway.smscId());
        json.addProperty("host", gateway.host());
        json.addProperty("port", gateway.port());
        json.addProperty("username", gateway.username());
        json.addProperty("system_type", gateway.systemType());
        json.addProperty("enq_interval", gateway.enqInterval());
        json.addProperty("src_autodetect", gateway.srcAutodetect());
        json.addProperty("source_ton", gateway.sourceTon());
        json.addProperty("source_npi", gateway.sourceNpi());
        json.addProperty("dst_autodetect", gateway.dstAutodetect());
        json.addProperty("dest_ton", gateway.destTon());
        json.addProperty("dest_npi", gateway.destNpi());
        json.addProperty("tx_binds", gateway.txBinds());
        json.addProperty("rx_binds", gateway.rxBinds());
        json.addProperty("trx_binds", gateway.trxBinds());
        json.addProperty("window_size", gateway.windowSize());
        json.addProperty("smpp_version", gateway.smppVersion());
        json.addProperty("is_gsm7", gateway.gsm7());
        json.addProperty("is_secure", gateway.secure());
        json.addProperty("enabled", gateway.enabled());
        json.addProperty("updated", gateway.updated());
        json.addProperty("created", gateway.created());
        json.addProperty("queue_count", queueCount);
        return json;
    }
}
