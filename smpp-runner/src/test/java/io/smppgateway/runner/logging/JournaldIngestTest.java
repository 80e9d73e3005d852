package io.smppgateway.runner.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * systemd-journald itself reads the lines: a journald of its own, in a mount and PID namespace
 * (its sockets and files on a tmpfs there, gone with the namespace), with {@link LoggingChild}'s
 * standard output connected to it by {@code systemd-cat} and {@code JOURNAL_STREAM} set to that
 * stream as systemd sets it for a unit. Then {@code journalctl} must show one entry per event at
 * the event's priority, and {@code -p warning} only the warning and the error. Needs root,
 * {@code unshare} and systemd's journal tools; skipped where they are missing.
 */
class JournaldIngestTest {

    private static final String IDENTIFIER = "smpp-log-test";

    /** Runs in the namespace: $1 journald, $2 the folder for journalctl's answers, then the command to log. */
    private static final String SCRIPT = """
            set -euo pipefail
            journald=$1; out=$2; shift 2
            mount -t tmpfs tmpfs /run
            mkdir -p /run/systemd /run/log
            if [ -d /var/log/journal ]; then mount -t tmpfs tmpfs /var/log/journal; fi
            "$journald" &
            for i in $(seq 300); do [ -S /run/systemd/journal/stdout ] && break; sleep 0.1; done
            systemd-cat -t %s -- sh -c 'JOURNAL_STREAM=$(stat -L -c %%d:%%i /proc/$$/fd/1) exec "$@"' sh "$@"
            journalctl --sync
            journalctl -t %s -o json --no-pager > "$out/entries.json"
            journalctl -t %s -p warning -o cat --no-pager > "$out/warnings.txt"
            """.formatted(IDENTIFIER, IDENTIFIER, IDENTIFIER);

    @TempDir
    Path folder;

    @Test
    void journaldStoresEachEventAsOneEntryAtItsPriority() throws Exception {
        Optional<Path> journald = Stream.of("/lib/systemd/systemd-journald", "/usr/lib/systemd/systemd-journald")
                .map(Path::of).filter(Files::isExecutable).findFirst();
        assumeTrue(journald.isPresent(), "no systemd-journald");
        assumeTrue(onPath("unshare") && onPath("systemd-cat") && onPath("journalctl"), "no unshare or journal tools");
        assumeTrue("root".equals(System.getProperty("user.name")), "the namespace needs root");
        Path script = Files.writeString(folder.resolve("journal.sh"), SCRIPT);
        List<String> command = List.of("unshare", "--fork", "--pid", "--mount-proc", "--mount", "bash",
                script.toString(), journald.get().toString(), folder.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LoggingChild.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("script.log").toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("SMPP_") || key.equals("JOURNAL_STREAM"));
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("still running after 120 s:\n" + Files.readString(folder.resolve("script.log")));
        }
        String log = Files.readString(folder.resolve("script.log"));
        assumeTrue(process.exitValue() == 0 || !log.contains("unshare: "), "no namespace here: " + log);
        assertEquals(0, process.exitValue(), log);

        List<JsonObject> entries = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("entries.json"), StandardCharsets.UTF_8)) {
            entries.add(JsonParser.parseString(line).getAsJsonObject());
        }
        assertEquals(List.of("6", "4", "3", "6", "6", "6"),
                entries.stream().map(entry -> entry.get("PRIORITY").getAsString()).toList(), entries.toString());
        assertEquals("INFO LoggingChild - an info line", entries.get(0).get("MESSAGE").getAsString());
        String error = entries.get(2).get("MESSAGE").getAsString();
        assertTrue(error.startsWith("ERROR LoggingChild - a failure | java.lang.IllegalStateException: boom | at "),
                error);
        assertTrue(error.contains(" | Caused by: java.io.IOException: disk gone | "), error);
        assertEquals("INFO LoggingChild - text: Привет, مرحبا, \uD83D\uDE00",
                entries.get(5).get("MESSAGE").getAsString());

        List<String> warnings = Files.readAllLines(folder.resolve("warnings.txt"), StandardCharsets.UTF_8);
        assertEquals(2, warnings.size(), String.join("\n", warnings));
        assertEquals("WARN LoggingChild - a warning", warnings.get(0));
        assertTrue(warnings.get(1).startsWith("ERROR LoggingChild - a failure | "), warnings.get(1));
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
