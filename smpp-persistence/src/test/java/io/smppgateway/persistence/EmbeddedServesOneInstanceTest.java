package io.smppgateway.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.store.client.Client;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The embedded database serves one gateway instance: while one process has it open, every other
 * instance started on the same file, two or three at once, is refused with the exception that
 * names the file and says what clustering needs, and the first one goes on. Point 11 of the
 * cluster's behaviours (the map is in smpp-nsq-bridge's {@code TestCluster}); the daemon's one
 * line for it is smpp-runner's {@code GatewayStartFailureIT}.
 */
class EmbeddedServesOneInstanceTest {

    @ParameterizedTest(name = "{0} instances")
    @ValueSource(ints = {2, 3})
    void everyInstanceAfterTheFirstOnTheSameEmbeddedFileIsRefused(int instances, @TempDir Path folder)
            throws Exception {
        Path file = folder.resolve("smpp");
        try (Database first = Database.embedded(file, StoreOptions.defaults())) {
            List<Process> others = new ArrayList<>();
            for (int i = 1; i < instances; i++) {
                others.add(startOpener(file));
            }

            for (Process other : others) {
                String answer = firstLine(other);
                assertTrue(other.waitFor(60, TimeUnit.SECONDS), "the refused instance exits");
                assertTrue(answer.startsWith("refused the embedded database " + file.toAbsolutePath() + ".mv.db is in"
                        + " use by another gateway"), answer);
                assertTrue(answer.contains("set the MYSQL_* and NSQ_* keys"), answer);
            }
            Client created = first.clients().create(Client.builder().username("still-served").password("pw")
                    .binds(1).enabled(true).build());
            assertEquals(created, first.clients().findByUsername("still-served").orElseThrow(), "the first one goes on");
        }
        assertTrue(Files.exists(folder.resolve("smpp.mv.db")));
    }

    private static Process startOpener(Path file) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(EmbeddedOpener.class.getName());
        command.add(file.toString());
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String firstLine(Process process) throws Exception {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("opened") || line.startsWith("refused")) {
                    return line;
                }
            }
            return "no answer; exit code " + process.waitFor();
        }
    }
}
