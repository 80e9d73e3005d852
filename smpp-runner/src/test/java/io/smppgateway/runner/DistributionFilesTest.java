package io.smppgateway.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files under {@code dist/} that the archive ships: the systemd unit docs/operations.md shows is
 * that file, and the launcher ({@code dist/smpp}), run in a folder laid out like the archive with a
 * {@code runtime/bin/java} of the test's that records what it gets, passes the JVM what the checkout's
 * {@code ./smpp} does. DistributionIT runs the real archive.
 */
class DistributionFilesTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path work;

    @Test
    void theUnitInTheOperationsGuideIsTheShippedUnit() throws IOException {
        String guide = Files.readString(REPOSITORY.resolve("docs/operations.md"));
        Matcher unit = Pattern.compile("(?s)\n## systemd\n.*?```ini\n(.*?)```\n").matcher(guide);
        assertTrue(unit.find(), "no ```ini block under \"## systemd\" in docs/operations.md");
        assertEquals(Files.readString(REPOSITORY.resolve("dist/smpp.service")), unit.group(1));
    }

    @Test
    void runsTheGatewayWhenGivenNoCommandWithItsFolderAsHomeAndTheDefaultHeap() throws Exception {
        Path folder = archiveLayout();

        Recorded recorded = launch(folder.resolve("smpp"), Map.of());

        assertEquals(List.of("-XX:+ExitOnOutOfMemoryError", "-Xms256m", "-Xmx1g", "-jar",
                folder.resolve("lib/smpp-gateway.jar").toString(), "run"), recorded.arguments());
        assertEquals(folder.toString(), recorded.home());
    }

    @Test
    void followsASymlinkToItselfAndKeepsTheGivenHomeAndJavaOptions() throws Exception {
        Path folder = archiveLayout();
        Path bin = Files.createDirectories(work.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("smpp"), folder.resolve("smpp"));

        Recorded recorded = launch(bin.resolve("smpp"), Map.of("SMPP_HOME", "/opt/smpp",
                "SMPP_JAVA_OPTS", "-Xmx512m -Dsome=thing"), "pdu", "decode", "00");

        assertEquals(List.of("-XX:+ExitOnOutOfMemoryError", "-Xmx512m", "-Dsome=thing", "-jar",
                folder.resolve("lib/smpp-gateway.jar").toString(), "pdu", "decode", "00"), recorded.arguments());
        assertEquals("/opt/smpp", recorded.home());
        assertFalse(recorded.arguments().contains("-Xmx1g"));
    }

    /** What the recording java got: its arguments, one per line, and {@code SMPP_HOME}. */
    private record Recorded(List<String> arguments, String home) {
    }

    /** A folder holding dist/smpp as the archive does, beside a runtime/bin/java that records its call. */
    private Path archiveLayout() throws IOException {
        Path folder = Files.createDirectories(work.resolve("smpp-1.0.0"));
        Files.copy(REPOSITORY.resolve("dist/smpp"), folder.resolve("smpp"));
        Path java = Files.createDirectories(folder.resolve("runtime/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"" + work.resolve("arguments") + "\"\n"
                + "printf '%s' \"$SMPP_HOME\" > \"" + work.resolve("home") + "\"\n");
        for (Path script : List.of(folder.resolve("smpp"), java)) {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return folder;
    }

    private Recorded launch(Path launcher, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("output").toFile());
        builder.environment().remove("SMPP_HOME");
        builder.environment().remove("SMPP_JAVA_OPTS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the launcher did not finish");
        assertEquals(0, process.exitValue(), Files.readString(work.resolve("output")));
        return new Recorded(Files.readAllLines(work.resolve("arguments")), Files.readString(work.resolve("home")));
    }
}
