package io.smppgateway.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM that cannot work must exit: {@link FatalErrors} in a JVM of its own ({@link FatalErrorsChild}),
 * where a worker thread dies while other threads would keep the process alive; and the check of
 * {@code -XX:+ExitOnOutOfMemoryError} with and without the flag.
 */
class FatalErrorsTest {

    @TempDir
    Path folder;

    @Test
    void aStackOverflowInAWorkerEndsTheProcessWithExit3() throws Exception {
        Child child = run(List.of("-Xss512k"), "stack-overflow");
        assertEquals(FatalErrors.EXIT_CODE, child.exitCode, child.output);
        assertTrue(child.output.contains("fatal: java.lang.StackOverflowError in thread worker-1; the process stops"
                + " now (exit 3)"), child.output);
        assertTrue(!child.output.contains("still running"), child.output);
    }

    @Test
    void anOutOfMemoryErrorInAWorkerEndsTheProcessWithExit3() throws Exception {
        Child child = run(List.of("-Xmx64m"), "out-of-memory");
        assertEquals(FatalErrors.EXIT_CODE, child.exitCode, child.output);
        assertTrue(child.output.contains("fatal: java.lang.OutOfMemoryError"), child.output);
    }

    @Test
    void anExceptionInAWorkerIsLoggedAndTheProcessGoesOn() throws Exception {
        Child child = run(List.of(), "exception");
        assertEquals(0, child.exitCode, child.output);
        assertTrue(child.output.contains("thread worker-1 died of an unexpected exception"), child.output);
        assertTrue(child.output.contains("still running after the worker died"), child.output);
    }

    @Test
    void withoutExitOnOutOfMemoryErrorTheStartSaysToAddIt() throws Exception {
        Child without = run(List.of(), "jvm-options");
        assertTrue(without.output.contains("advice: the JVM was started without -XX:+ExitOnOutOfMemoryError"),
                without.output);
        Child with = run(List.of("-XX:+ExitOnOutOfMemoryError"), "jvm-options");
        assertTrue(with.output.contains("advice: none"), with.output);
    }

    private record Child(int exitCode, String output) {
    }

    private Child run(List<String> jvmOptions, String mode) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FatalErrorsChild.class.getName(), mode));
        Path output = folder.resolve(mode + "-" + System.nanoTime() + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return new Child(-1, "still running after 60 s:\n" + Files.readString(output));
        }
        return new Child(process.exitValue(), Files.readString(output));
    }
}
