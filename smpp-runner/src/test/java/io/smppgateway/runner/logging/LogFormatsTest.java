package io.smppgateway.runner.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log formats and levels as a JVM started with them writes them ({@link LoggingChild}, set up
 * from its environment as the gateway is before smpp.conf is read): the journal's priorities and
 * one line per event when standard output is the journal (systemd's {@code JOURNAL_STREAM} names
 * it), a person's text otherwise, JSON lines on request, and levels per logger.
 */
class LogFormatsTest {

    private static final String STACK_START = "java.lang.IllegalStateException: boom | at "
            + LoggingChild.class.getName() + ".main(LoggingChild.java:";

    @TempDir
    Path folder;

    @Test
    void whenStandardOutputIsTheJournalEachEventIsOneLineWithItsPriority() throws Exception {
        Path console = Files.createFile(folder.resolve("journal"));
        Child child = run(console, Map.of("JOURNAL_STREAM", deviceAndInode(console)));

        assertEquals("", child.errors);
        List<String> lines = child.lines;
        assertEquals(6, lines.size(), child.output());
        assertEquals("<6>INFO LoggingChild - an info line", lines.get(0));
        assertEquals("<4>WARN LoggingChild - a warning", lines.get(1));
        assertTrue(lines.get(2).startsWith("<3>ERROR LoggingChild - a failure | " + STACK_START), lines.get(2));
        assertTrue(lines.get(2).contains(" | Caused by: java.io.IOException: disk gone | "), lines.get(2));
        assertFalse(lines.get(2).contains("\t"), lines.get(2));
        assertEquals("<6>INFO LoggingChild - a message | of two lines", lines.get(3));
        assertEquals("<6>INFO LoggingChild - with a context", lines.get(4));
        assertEquals("<6>INFO LoggingChild - text: Привет, مرحبا, \uD83D\uDE00", lines.get(5));
    }

    @Test
    void journalStreamNamingAnotherStreamIsNotTheJournal() throws Exception {
        Path elsewhere = Files.createFile(folder.resolve("the unit's journal"));
        Path console = folder.resolve("console");
        Child child = run(console, Map.of("JOURNAL_STREAM", deviceAndInode(elsewhere)));

        assertEquals("", child.errors);
        assertEquals("INFO LoggingChild - an info line", TextLogLine.event(child.lines.get(0)));
        assertEquals("WARN LoggingChild - a warning", TextLogLine.event(child.lines.get(1)));
        assertEquals("ERROR LoggingChild - a failure", TextLogLine.event(child.lines.get(2)));
        assertEquals("java.lang.IllegalStateException: boom", child.lines.get(3));
        assertTrue(child.lines.get(4).startsWith("\tat " + LoggingChild.class.getName() + ".main("),
                child.lines.get(4));
        assertTrue(child.lines.contains("Caused by: java.io.IOException: disk gone"), child.output());
        assertTrue(child.lines.stream().noneMatch(line -> line.startsWith("<")), child.output());
    }

    @Test
    void jsonLinesCarryTheFieldsAShipperReads() throws Exception {
        Child child = run(folder.resolve("console"), Map.of("SMPP_LOG_FORMAT", "json"));

        assertEquals("", child.errors);
        assertEquals(6, child.lines.size(), child.output());
        List<JsonObject> events = new ArrayList<>();
        for (String line : child.lines) {
            events.add(JsonParser.parseString(line).getAsJsonObject());
        }
        for (JsonObject event : events) {
            assertTrue(event.get("timestamp").getAsString().endsWith("Z"), event.toString());
            Instant.parse(event.get("timestamp").getAsString());
            assertEquals(LoggingChild.class.getName(), event.get("logger").getAsString());
            assertEquals("main", event.get("thread").getAsString());
        }
        assertEquals(List.of("INFO", "WARN", "ERROR", "INFO", "INFO", "INFO"),
                events.stream().map(event -> event.get("level").getAsString()).toList());
        assertEquals(List.of("an info line", "a warning", "a failure", "a message\nof two lines", "with a context",
                "text: Привет, مرحبا, \uD83D\uDE00"), events.stream().map(e -> e.get("message").getAsString()).toList());
        String exception = events.get(2).get("exception").getAsString();
        assertTrue(exception.startsWith("java.lang.IllegalStateException: boom\n\tat "
                + LoggingChild.class.getName()), exception);
        assertTrue(exception.contains("\nCaused by: java.io.IOException: disk gone\n"), exception);
        assertFalse(events.get(0).has("exception"), events.get(0).toString());
        assertEquals("{\"smsc\":\"smsc01\"}", events.get(4).get("mdc").toString());
        assertFalse(events.get(3).has("mdc"), events.get(3).toString());
    }

    @Test
    void aLoggerNamedInTheLevelsWritesBelowTheRootLevel() throws Exception {
        Child atInfo = run(folder.resolve("info"), Map.of("SMPP_LOG_FORMAT", "journald"));
        assertTrue(atInfo.lines.stream().noneMatch(line -> line.contains("DEBUG")), atInfo.output());

        Child bridgeDebug = run(folder.resolve("bridge"), Map.of("SMPP_LOG_FORMAT", "journald",
                "SMPP_LOG_LEVELS", "io.smppgateway.bridge=DEBUG"));
        assertEquals(List.of("<7>DEBUG OutboundFlow - a debug line of the bridge"),
                bridgeDebug.lines.stream().filter(line -> line.contains("DEBUG")).toList(), bridgeDebug.output());
        assertEquals(7, bridgeDebug.lines.size(), bridgeDebug.output());
    }

    @Test
    void theRootLevelCoversEveryLoggerTheLevelsDoNotName() throws Exception {
        Child warnings = run(folder.resolve("warn"), Map.of("SMPP_LOG_FORMAT", "journald", "SMPP_LOG_LEVEL", "WARN"));
        assertEquals(2, warnings.lines.size(), warnings.output());
        assertEquals("<4>WARN LoggingChild - a warning", warnings.lines.get(0));
        assertTrue(warnings.lines.get(1).startsWith("<3>ERROR LoggingChild - a failure | "), warnings.output());

        Child debug = run(folder.resolve("debug"), Map.of("SMPP_LOG_FORMAT", "journald", "SMPP_LOG_LEVEL", "debug",
                "SMPP_LOG_LEVELS", "io.smppgateway.runner=INFO"));
        assertEquals(List.of("<7>DEBUG OutboundFlow - a debug line of the bridge"),
                debug.lines.stream().filter(line -> line.contains("DEBUG")).toList(), debug.output());
    }

    /** What {@link LoggingChild} wrote: standard output, line by line, and standard error. */
    private record Child(List<String> lines, String errors) {
        String output() {
            return String.join("\n", lines) + (errors.isEmpty() ? "" : "\nstandard error:\n" + errors);
        }
    }

    private Child run(Path console, Map<String, String> environment) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LoggingChild.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(key -> key.startsWith("SMPP_") || key.equals("JOURNAL_STREAM"));
        builder.environment().putAll(environment);
        Path errors = console.resolveSibling(console.getFileName() + ".err");
        // the file is opened as it is, keeping its inode: JOURNAL_STREAM may name it
        Process process = builder.redirectOutput(console.toFile()).redirectError(errors.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the child still runs after 60 s:\n" + Files.readString(console));
        }
        assertEquals(0, process.exitValue(), Files.readString(errors));
        return new Child(Files.readAllLines(console, StandardCharsets.UTF_8), Files.readString(errors));
    }

    /** {@code device:inode}, as systemd writes JOURNAL_STREAM for the stream it gives a unit. */
    static String deviceAndInode(Path file) throws IOException {
        return Files.getAttribute(file, "unix:dev") + ":" + Files.getAttribute(file, "unix:ino");
    }
}
