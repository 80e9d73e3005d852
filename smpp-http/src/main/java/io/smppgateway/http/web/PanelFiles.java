package io.smppgateway.http.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The admin panel's static files (HTML, CSS, JavaScript; no build step, no CDN), read from the
 * class path once at start and served from memory, so serving them never blocks an I/O thread.
 * The pages hold no data: they fetch it from the API with the session cookie.
 */
public final class PanelFiles implements HttpHandler {

    private static final String FOLDER = "io/smppgateway/http/panel/";
    private static final List<String> FILES = List.of("index.html", "login.html", "gateways.html", "clients.html",
            "logs.html", "panel.css", "api.js", "chart.js", "login.js", "dashboard.js", "records.js", "gateways.js",
            "clients.js", "logs.js", "favicon.svg");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");

    private final Map<String, StaticFile> files = new HashMap<>();
    private final HttpHandler notFound;

    /** @param notFound what answers a path that is not a panel file */
    public PanelFiles(HttpHandler notFound) {
        this.notFound = notFound;
        for (String name : FILES) {
            files.put("/" + name, load(name));
        }
        files.put("/", files.get("/index.html"));
    }

    private static StaticFile load(String name) {
        try (InputStream in = PanelFiles.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("the admin panel file " + FOLDER + name + " is missing from the build");
            }
            byte[] content = in.readAllBytes();
            String extension = name.substring(name.lastIndexOf('.') + 1);
            String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 12)
                    + "\"";
            return new StaticFile(content, TYPES.get(extension), etag);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the admin panel file " + name, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        StaticFile file = files.get(exchange.getRelativePath());
        boolean head = exchange.getRequestMethod().equals(Methods.HEAD);
        if (file == null || !(head || exchange.getRequestMethod().equals(Methods.GET))) {
            notFound.handleRequest(exchange);
            return;
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, file.contentType());
        exchange.getResponseHeaders().put(Headers.ETAG, file.etag());
        // revalidated on each use: an upgrade of the gateway must never leave an old panel running
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
        if (file.etag().equals(exchange.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH))) {
            exchange.setStatusCode(304);
            exchange.endExchange();
            return;
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, file.content().length);
        if (head) {
            exchange.endExchange();
            return;
        }
        exchange.getResponseSender().send(ByteBuffer.wrap(file.content()));
    }

    private record StaticFile(byte[] content, String contentType, String etag) {
    }
}
