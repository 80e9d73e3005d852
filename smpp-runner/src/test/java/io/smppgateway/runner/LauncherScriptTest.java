package io.smppgateway.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./smpp} launcher at the top of the repository, run with a {@code java} (and an
 * {@code mvn}) of the test's own first on the PATH that only record their arguments: the command
 * line the gateway's JVM would get.
 */
class LauncherScriptTest {

    @TempDir
    Path bin;

    @Test
    void theJvmExitsOnOutOfMemoryAndGetsADefaultHeap() throws Exception {
        List<String> args = javaArguments(null);
        assertTrue(args.contains("-XX:+ExitOnOutOfMemoryError"), args.toString());
        assertTrue(args.contains("-Xms256m") && args.contains("-Xmx1g"), args.toString());
        assertTrue(args.indexOf("-XX:+ExitOnOutOfMemoryError") < args.indexOf("-jar"), args.toString());
        assertEquals("help", args.get(args.size() - 1));
    }

    @Test
    void anXmxInSmppJavaOptsReplacesTheDefaultHeapButNotExitOnOutOfMemory() throws Exception {
        List<String> args = javaArguments("-Xmx512m -Dsome=thing");
        assertTrue(args.contains("-XX:+ExitOnOutOfMemoryError"), args.toString());
        assertTrue(args.contains("-Xmx512m") && args.contains("-Dsome=thing"), args.toString());
        assertFalse(args.contains("-Xmx1g") || args.contains("-Xms256m"), args.toString());
    }

    private List<String> javaArguments(String javaOpts) throws IOException, InterruptedException {
        Path recorded = bin.resolve("java-args");
        fake("java", "printf '%s\\n' \"$@\" > '" + recorded + "'\n");
        fake("mvn", "exit 0\n");
        Path launcher = Path.of("").toAbsolutePath().getParent().resolve("smpp");
        assertTrue(Files.isRegularFile(launcher), "no launcher at " + launcher);
        ProcessBuilder builder = new ProcessBuilder("bash", launcher.toString(), "help").redirectErrorStream(true)
                .redirectOutput(bin.resolve("output").toFile());
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().remove("SMPP_JAVA_OPTS");
        if (javaOpts != null) {
            builder.environment().put("SMPP_JAVA_OPTS", javaOpts);
        }
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish");
        assertEquals(0, process.exitValue(), Files.readString(bin.resolve("output")));
        return Files.readAllLines(recorded);
    }

    private void fake(String name, String body) throws IOException {
        Path script = bin.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
