package io.smppgateway.runner.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged {@code smpp-gateway.jar} run as the daemon, as systemd runs it: its own JVM, its
 * folder holding smpp.conf, its output in a file. The jar's path comes in the {@code smpp.jar}
 * system property (set by the module's integration-test execution, after package).
 */
public final class GatewayProcess implements AutoCloseable {

    private final Process process;
    private final Path console;

    private GatewayProcess(Process process, Path console) {
        this.process = process;
        this.console = console;
    }

    public static Path jar() {
        String path = System.getProperty("smpp.jar");
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("system property smpp.jar must name the packaged smpp-gateway.jar"
                    + " (set by the module's integration-test execution after package), was " + path);
        }
        return Path.of(path);
    }

    /** {@code java -jar smpp-gateway.jar run} in {@code home}, which holds smpp.conf; output to {@code console}. */
    public static GatewayProcess run(Path home, Path console) throws IOException {
        return run(home, console, List.of());
    }

    /** As {@link #run(Path, Path)}, with more JVM options before {@code -jar}. */
    public static GatewayProcess run(Path home, Path console, List<String> jvmOptions) throws IOException {
        return run(home, console, jvmOptions, Map.of());
    }

    /** As {@link #run(Path, Path, List)}, with variables added to the environment (systemd's JOURNAL_STREAM...). */
    public static GatewayProcess run(Path home, Path console, List<String> jvmOptions, Map<String, String> environment)
            throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString(), "run"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("SMPP_") || key.startsWith("MYSQL_")
                || key.startsWith("NSQ_") || key.startsWith("HTTP_"));
        builder.environment().put("SMPP_HOME", home.toString());
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(console.toFile());
        return new GatewayProcess(builder.start(), console);
    }

    /** Every line the process wrote so far. */
    public List<String> output() {
        try {
            return Files.exists(console) ? Files.readAllLines(console, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for a line holding {@code text}; fails at once if the process exits first. */
    public void awaitLine(String text) {
        Awaiting.until(() -> {
            if (output().stream().anyMatch(line -> line.contains(text))) {
                return true;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the gateway exited (" + process.exitValue() + ") before '" + text + "':\n"
                        + String.join("\n", output()));
            }
            return false;
        }, () -> "no line with '" + text + "'; output so far:\n" + String.join("\n", output()));
    }

    /** SIGKILL, as the OOM killer or a power cut would stop it: nothing runs after it, then waits for the exit. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("still alive 30 s after SIGKILL");
        }
    }

    /** SIGTERM, the clean stop; returns the exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("still running 30 s after SIGTERM:\n" + String.join("\n", output()));
        }
        return process.exitValue();
    }

    /** Waits up to {@code seconds} for the process to exit by itself; its exit code, or -1 if it still runs. */
    public int awaitExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
