package io.smppgateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The admin panel's files: served from the root with a strict policy, and nothing fetched from elsewhere. */
class PanelFilesTest {

    static final List<String> FILES = List.of("index.html", "login.html", "gateways.html", "clients.html", "logs.html",
            "panel.css", "api.js", "chart.js", "login.js", "dashboard.js", "records.js", "gateways.js", "clients.js",
            "logs.js", "favicon.svg");

    @TempDir
    static Path folder;
    static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = new TestGateway(folder);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void theRootIsTheDashboardWithAStrictContentSecurityPolicy() {
        HttpResponse<String> root = Http.send(Http.request(gateway.base + "/").GET().build());
        assertEquals(200, root.statusCode());
        assertTrue(root.body().contains("<title>Dashboard"));
        assertTrue(root.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String policy = root.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"), policy);
        assertFalse(policy.contains("unsafe-inline"), policy);
        assertEquals("nosniff", root.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("DENY", root.headers().firstValue("X-Frame-Options").orElse(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.html", "login.html", "gateways.html", "clients.html", "logs.html", "panel.css",
            "api.js", "dashboard.js", "favicon.svg"})
    void everyFileIsServedWithItsType(String name) {
        HttpResponse<String> file = Http.send(Http.request(gateway.base + "/" + name).GET().build());
        assertEquals(200, file.statusCode());
        String type = file.headers().firstValue("Content-Type").orElse("");
        String expected = name.endsWith(".html") ? "text/html" : name.endsWith(".css") ? "text/css"
                : name.endsWith(".js") ? "text/javascript" : "image/svg+xml";
        assertTrue(type.startsWith(expected), name + ": " + type);
        String etag = file.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, Http.send(Http.request(gateway.base + "/" + name).header("If-None-Match", etag).GET()
                .build()).statusCode());
    }

    @Test
    void unknownFilesAre404AndTheClassPathIsNotBrowsable() {
        assertEquals(404, Http.send(Http.request(gateway.base + "/nothing.html").GET().build()).statusCode());
        assertEquals(404, Http.send(Http.request(gateway.base + "/../openapi.json").GET().build()).statusCode());
        assertEquals(404, Http.send(Http.request(gateway.base + "/io/smppgateway/http/openapi.json").GET().build())
                .statusCode());
    }

    @Test
    void noFileLoadsAnythingFromAnotherHostOrWritesHtmlFromData() throws IOException {
        Pattern external = Pattern.compile("(src|href)\\s*=\\s*[\"']?(https?:)?//|@import|url\\(\\s*[\"']?(https?:)?//");
        for (String name : FILES) {
            String text = resource(name);
            assertFalse(external.matcher(text).find(), name + " refers to another host");
            assertFalse(text.contains("innerHTML") || text.contains("outerHTML") || text.contains("insertAdjacentHTML")
                    || text.contains("document.write"), name + " builds HTML from strings");
            if (name.endsWith(".html")) {
                assertFalse(Pattern.compile("<script>|<script [^>]*>[^<]+</script>|\\son[a-z]+=|style=").matcher(text)
                        .find(), name + " has inline script or style, which the policy would block");
            }
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PanelFilesTest.class.getClassLoader()
                .getResourceAsStream("io/smppgateway/http/panel/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
