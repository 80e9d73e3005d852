package io.smppgateway.runner.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin password and API token made up when smpp.conf gives none. */
class GeneratedCredentialsTest {

    @TempDir
    Path data;

    private final GeneratedCredentials credentials = new GeneratedCredentials();

    @Test
    void generatesBothIntoAnOwnerOnlyFileAndReusesThemOnTheNextStart() throws IOException {
        GeneratedCredentials.Completed first = credentials.complete(data, new HttpAccess(8010, "admin", null, null));

        Path file = data.resolve("generated-credentials.conf");
        assertEquals(file, first.file());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        ConfFile stored = ConfFile.read(file);
        assertEquals(first.access().adminPassword(), stored.values().get("HTTP_ADMIN_PASSWORD"));
        assertEquals(first.access().apiToken(), stored.values().get("HTTP_API_TOKEN"));
        assertEquals(20, first.access().adminPassword().length());
        assertEquals(43, first.access().apiToken().length());
        assertTrue(first.access().apiToken().matches("[A-Za-z0-9_-]+"));

        GeneratedCredentials.Completed second = credentials.complete(data, new HttpAccess(8010, "admin", null, null));
        assertEquals(first.access(), second.access());
    }

    @Test
    void configuredSecretsWinAndNothingIsWrittenWhenBothAreConfigured() {
        GeneratedCredentials.Completed completed = credentials.complete(data,
                new HttpAccess(8010, "admin", "mine", "my-token"));

        assertNull(completed.file());
        assertEquals(new HttpAccess(8010, "admin", "mine", "my-token"), completed.access());
        assertFalse(Files.exists(data.resolve("generated-credentials.conf")));
    }

    @Test
    void onlyTheMissingSecretIsGenerated() throws IOException {
        GeneratedCredentials.Completed completed = credentials.complete(data, new HttpAccess(8010, "admin", "mine", null));

        assertEquals("mine", completed.access().adminPassword());
        ConfFile stored = ConfFile.read(completed.file());
        assertNull(stored.values().get("HTTP_ADMIN_PASSWORD"));
        assertEquals(completed.access().apiToken(), stored.values().get("HTTP_API_TOKEN"));
    }

    @Test
    void twoGatewaysGetDifferentSecrets(@TempDir Path other) {
        HttpAccess access = new HttpAccess(8010, "admin", null, null);

        assertNotEquals(credentials.complete(data, access).access().adminPassword(),
                credentials.complete(other, access).access().adminPassword());
    }

    @Test
    void theAccessNeverPrintsItsSecrets() {
        assertEquals("HttpAccess[port=8010, admin=admin]", new HttpAccess(8010, "admin", "pw", "tok").toString());
    }
}
