package io.smppgateway.runner;

import io.smppgateway.runner.tools.AppLoadCommand;
import io.smppgateway.runner.tools.LoadCommand;
import io.smppgateway.runner.tools.SimulateSmscCommand;
import io.smppgateway.runner.tools.soak.SoakCommand;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The launcher's entry point: reads the subcommand and hands over to it. Only this module reads
 * {@code smpp.conf}, installs shutdown hooks and calls {@link System#exit}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Undertow and XNIO log through JBoss Logging, which would fall back to java.util.logging's
        // two-line records: send them through SLF4J, one line per event like ours.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        FatalErrors.install();
        // Decoded texts are Cyrillic, Arabic, emoji...: write UTF-8 whatever the platform default.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs one subcommand and returns the process exit code ({@code run} returns only when it cannot start). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "run" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "run":
                return RunCommand.run(rest, err, System.getenv());
            case "pdu":
                if (rest.length > 0 && rest[0].equals("decode")) {
                    return PduDecodeCommand.run(Arrays.copyOfRange(rest, 1, rest.length), out, err);
                }
                err.println("Unknown command: " + String.join(" ", args));
                printUsage(err);
                return 2;
            case "load":
                return LoadCommand.run(rest, out, err);
            case "app-load":
                return AppLoadCommand.run(rest, out, err);
            case "soak":
                return SoakCommand.run(rest, out, err);
            case "simulate-smsc":
                return untilStopped(stop -> SimulateSmscCommand.run(rest, out, err, stop));
            case "help", "--help", "-h":
                printUsage(out);
                return 0;
            default:
                err.println("Unknown command: " + String.join(" ", args));
                printUsage(err);
                return 2;
        }
    }

    private static void printUsage(PrintStream out) {
        out.println("usage: " + RunCommand.USAGE_LINE);
        out.println("       " + PduDecodeCommand.USAGE_LINE);
        out.println("       " + LoadCommand.USAGE_LINE);
        out.println("       " + AppLoadCommand.USAGE_LINE);
        out.println("       " + SimulateSmscCommand.USAGE_LINE);
        out.println("       " + SoakCommand.USAGE_LINE);
    }

    /**
     * Runs a command that serves until the process is asked to stop (SIGTERM, Ctrl-C): the future
     * it gets completes then, and the shutdown waits a bounded time for it to finish and report.
     */
    private static int untilStopped(java.util.function.Function<CompletableFuture<Void>, Integer> command) {
        CompletableFuture<Void> stop = new CompletableFuture<>();
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.complete(null);
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "smpp-stop"));
        try {
            return command.apply(stop);
        } finally {
            finished.countDown();
        }
    }
}
