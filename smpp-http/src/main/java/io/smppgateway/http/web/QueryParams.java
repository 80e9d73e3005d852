package io.smppgateway.http.web;

import io.undertow.server.HttpServerExchange;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Query parameters as the manual's example clients send them. A list may come as
 * {@code smscIds[]=a&smscIds[]=b} (Python requests, fetch's URLSearchParams, Go's url.Values, the
 * manual's Java), {@code smscIds[0]=a&smscIds[1]=b} (PHP's http_build_query), or plain
 * {@code smscIds=a&smscIds=b}; brackets may be percent-encoded or not.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** Every value of the list parameter {@code name}, in any of the forms above, without repeats. */
    public static List<String> list(HttpServerExchange exchange, String name) {
        Pattern indexed = Pattern.compile(Pattern.quote(name) + "\\[\\d*]");
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (Map.Entry<String, Deque<String>> parameter : exchange.getQueryParameters().entrySet()) {
            String key = parameter.getKey();
            if (key.equals(name) || indexed.matcher(key).matches()) {
                for (String value : parameter.getValue()) {
                    if (!value.isEmpty()) {
                        values.add(value);
                    }
                }
            }
        }
        return new ArrayList<>(values);
    }

    /** The first value of {@code name}, when present and not empty. */
    public static Optional<String> single(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        if (values == null || values.isEmpty() || values.getFirst().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(values.getFirst());
    }
}
