package io.smppgateway.examples;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command a test runs as a child process, bounded in time, its output (stdout and stderr) kept in a log file
 * that a failure quotes the end of.
 */
final class ChildProcess {

    private static final int QUOTED_TAIL_CHARS = 6_000;

    private final List<String> command;
    private final Path directory;
    private final Path log;

    ChildProcess(Path directory, Path log, List<String> command) {
        this.command = List.copyOf(command);
        this.directory = directory;
        this.log = log;
    }

    /** Runs it to its end within {@code budget} and returns its output; fails the test on a timeout or a non-zero exit. */
    String runWithin(Duration budget) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // The mvn launcher exports the folder it ran from; a Maven started here must find its own.
        builder.environment().remove("MAVEN_PROJECTBASEDIR");
        Process process = builder.start();
        if (!process.waitFor(budget.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            fail(String.join(" ", command) + " did not end within " + budget + "; its output ends with:\n" + tail());
        }
        if (process.exitValue() != 0) {
            fail(String.join(" ", command) + " exited with " + process.exitValue() + "; its output ends with:\n" + tail());
        }
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private String tail() throws IOException {
        String output = Files.readString(log, StandardCharsets.UTF_8);
        return output.length() <= QUOTED_TAIL_CHARS ? output : "..." + output.substring(output.length() - QUOTED_TAIL_CHARS);
    }
}
