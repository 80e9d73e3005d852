package io.smppgateway.http.api;

import io.smppgateway.http.web.ApiException;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;

/** The numeric {@code {id}} of a path such as {@code /api/gateways/{id}}. */
final class PathIds {

    private PathIds() {
    }

    /** The id; 404 when it is not a positive number (no record can have such an id). */
    static long id(HttpServerExchange exchange, String what) {
        PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
        String text = match == null ? null : match.getParameters().get("id");
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        // at most 40 characters of it back: an id is at most 19 digits
        String shown = text == null || text.length() <= 40 ? text : text.substring(0, 40) + "...";
        throw ApiException.notFound("no " + what + " with id '" + shown + "'");
    }

    static boolean present(HttpServerExchange exchange) {
        PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
        return match != null && match.getParameters().containsKey("id");
    }
}
