package io.smppgateway.http;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The login page's {@code ?next=} in Debian's headless Chromium ({@code src/test/browser/login-redirect-test.mjs}):
 * a link such as {@code /login.html?next=%2F%09%2Fexample.com%2F} must not send the browser to
 * another site after the login (tabs and line breaks are dropped by browsers, {@code \} read as
 * {@code /}); it goes to the dashboard instead, while a path of this server is followed.
 */
class LoginRedirectBrowserTest {

    @TempDir
    Path folder;

    @Test
    void afterLoginTheBrowserStaysOnThisServer() throws Exception {
        AdminPanelBrowserTest.requireTools();
        try (TestGateway gateway = new TestGateway(folder.resolve("gateway"))) {
            Path output = folder.resolve("browser-output.txt");
            Process node = new ProcessBuilder("node",
                    AdminPanelBrowserTest.BROWSER_FOLDER.resolve("login-redirect-test.mjs").toString(),
                    gateway.base, TestGateway.ADMIN, TestGateway.PASSWORD)
                    .directory(AdminPanelBrowserTest.BROWSER_FOLDER.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean ended = node.waitFor(300, TimeUnit.SECONDS);
            if (!ended) {
                node.destroyForcibly();
            }
            String log = Files.readString(output, StandardCharsets.UTF_8);
            if (!ended || node.exitValue() != 0) {
                fail("the login page followed a hostile next= (exit " + (ended ? node.exitValue() : "timeout")
                        + "):\n" + log);
            }
            assertTrue(log.contains("REDIRECTS_OK"), log);
        }
    }
}
