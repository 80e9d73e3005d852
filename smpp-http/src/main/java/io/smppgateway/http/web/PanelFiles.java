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
 * The admin panel's static files (HTML, CSS, JavaScript; no build step, no CDN), and the API
 * reference page at {@code /api-docs/} with Swagger UI's files from its webjar, read from the
 * class path once at start and served from memory, so serving them never blocks an I/O thread.
 * The pages hold no data: they fetch it from the API with the session cookie.
 */
public final class PanelFiles implements HttpHandler {

    private static final String FOLDER = "io/smppgateway/http/panel/";
    private static final List<String> FILES = List.of("index.html", "login.html", "gateways.html", "clients.html",
            "logs.html", "messages.html", "panel.css", "api.js", "chart.js", "login.js", "dashboard.js", "records.js",
            "gateways.js", "clients.js", "logs.js", "messages.js", "favicon.svg");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");
    /** The API reference page, at {@value #API_DOCS}: ours, and Swagger UI's files from its webjar. */
    private static final String API_DOCS = "/api-docs";
    private static final String SWAGGER_UI_VERSION = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final List<String> SWAGGER_UI_FILES = List.of("swagger-ui.css", "swagger-ui-bundle.js",
            "favicon-32x32.png");

    private final Map<String, StaticFile> files = new HashMap<>();
    private final HttpHandler notFound;

    /** @param notFound what answers a path that is not a panel file */
    public PanelFiles(HttpHandler notFound) {
        this.notFound = notFound;
        for (String name : FILES) {
            files.put("/" + name, load(name));
        }
        files.put("/", files.get("/index.html"));
        // "/api-docs/" comes here as "/api-docs": the router drops a trailing slash
        files.put(API_DOCS, load("api-docs.html"));
        files.put(API_DOCS + "/index.html", files.get(API_DOCS));
        files.put(API_DOCS + "/api-docs.js", load("api-docs.js"));
        String webjar = "META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
        for (String name : SWAGGER_UI_FILES) {
            files.put(API_DOCS + "/" + name, load(webjar, name));
        }
    }

    /** The version of the Swagger UI webjar on the class path: its files are in a folder named by it. */
    private static String swaggerUiVersion() {
        try (InputStream in = PanelFiles.class.getClassLoader().getResourceAsStream(SWAGGER_UI_VERSION)) {
            if (in == null) {
                throw new IllegalStateException("Swagger UI (org.webjars:swagger-ui) is missing from the class path");
            }
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SWAGGER_UI_VERSION, e);
        }
    }

    private static StaticFile load(String name) {
        return load(FOLDER, name);
    }

    private static StaticFile load(String folder, String name) {
        try (InputStream in = PanelFiles.class.getClassLoader().getResourceAsStream(folder + name)) {
            if (in == null) {
                throw new IllegalStateException("the admin panel file " + folder + name + " is missing from the build");
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
