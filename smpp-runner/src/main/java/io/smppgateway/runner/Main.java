package io.smppgateway.runner;

import io.smppgateway.runner.tools.AppLoadCommand;
import io.smppgateway.runner.tools.LoadCommand;
import io.smppgateway.runner.tools.SimulateSmscCommand;
import io.smppgateway.runner.tools.ToolCommandLine;
import io.smppgateway.runner.tools.soak.SoakCommand;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The launcher's entry point: reads the subcommand (with picocli, the field's command-line library)
 * and hands over to it. Only this module reads
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
        return run(args, out, err, System.getenv());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        // ./smpp with no arguments runs the gateway, as it always has
        String[] effective = args.length == 0 ? new String[] {"run"} : args;
        return ToolCommandLine.execute(commandLine(out, err, environment), effective, out, err);
    }

    /** Every command of the launcher, each with its own {@code --help}. */
    static CommandLine commandLine(PrintStream out, PrintStream err, Map<String, String> environment) {
        CommandLine smpp = new CommandLine(new Smpp());
        smpp.addSubcommand("run", new RunCommand(err, environment));
        smpp.addSubcommand("pdu", new CommandLine(new PduCommand()).addSubcommand("decode", new PduDecodeCommand(out)));
        smpp.addSubcommand("simulate-smsc", new SimulateSmscCommand(out, Main::untilStopped));
        smpp.addSubcommand("load", new LoadCommand(out, err));
        smpp.addSubcommand("app-load", new AppLoadCommand(out, err, RunCommand.home(environment), environment));
        smpp.addSubcommand("soak", new SoakCommand(out, err));
        smpp.addSubcommand("help", new CommandLine.HelpCommand());
        return smpp;
    }

    /** The launcher itself: {@code smpp [COMMAND]}; without a command it runs the gateway. */
    @Command(name = "smpp", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
            synopsisSubcommandLabel = "[COMMAND]",
            description = {"The SMPP gateway and its tools. Without a command, runs the gateway (smpp run).",
                "`smpp COMMAND --help` describes a command and its options."},
            footer = {"", "Exit codes: 0 done (or stopped on a signal); 1 a failure the command names; 2 a usage"
                + " error or wrong settings."})
    static final class Smpp implements Runnable {
        @Spec
        private CommandSpec spec;

        @Override
        public void run() {
            throw new ParameterException(spec.commandLine(), "give a command (or none at all to run the gateway)");
        }
    }

    /** {@code smpp pdu decode}: the PDU tools' group. */
    @Command(name = "pdu", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
            synopsisSubcommandLabel = "COMMAND", description = "PDU tools: `smpp pdu decode HEX`.")
    static final class PduCommand implements Runnable {
        @Spec
        private CommandSpec spec;

        @Override
        public void run() {
            throw new ParameterException(spec.commandLine(), "Missing required subcommand: decode");
        }
    }

    /**
     * Runs a command that serves until the process is asked to stop (SIGTERM, Ctrl-C): the future
     * it gets completes then, and the shutdown waits a bounded time for it to finish and report.
     */
    private static int untilStopped(Function<CompletableFuture<Void>, Integer> command) {
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
