package io.smppgateway.http.api;

import com.google.gson.JsonObject;
import io.smppgateway.http.web.ApiException;
import io.undertow.server.HttpServerExchange;
import java.util.Map;

/** The id a PUT names: in the path ({@code PUT /api/gateways/5}) or in the body ({@code "id": 5}). */
final class ResourceIds {

    private ResourceIds() {
    }

    static long of(HttpServerExchange exchange, JsonObject body, String what) {
        JsonFields fields = new JsonFields(body);
        Long inBody = fields.wholeNumber("id");
        if (!fields.errors().isEmpty()) {
            throw ApiException.badRequest("invalid " + what + ": id must be a whole number", fields.errors());
        }
        if (PathIds.present(exchange)) {
            long inPath = PathIds.id(exchange, what);
            if (inBody != null && inBody != inPath) {
                throw ApiException.badField("id", "does not match the id in the URL (" + inPath + ")");
            }
            return inPath;
        }
        if (inBody == null) {
            throw ApiException.badRequest("invalid " + what + ": say which one to change with \"id\"",
                    Map.of("id", "required"));
        }
        if (inBody <= 0) {
            throw ApiException.notFound("no " + what + " with id " + inBody);
        }
        return inBody;
    }
}
