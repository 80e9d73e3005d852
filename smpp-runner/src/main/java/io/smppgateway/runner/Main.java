package io.smppgateway.runner;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The launcher's entry point: reads the subcommand and hands over to it. Only this module reads
 * {@code smpp.conf}, installs shutdown hooks and calls {@link System#exit}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one subcommand and returns the process exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "run" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "run":
                out.println("The gateway daemon is not wired yet: this build provides the PDU codec"
                        + " and 'smpp pdu decode <hex>'.");
                return 0;
            case "help", "--help", "-h":
                printUsage(out);
                return 0;
            default:
                err.println("Unknown command: " + command + " " + String.join(" ", rest).trim());
                printUsage(err);
                return 2;
        }
    }

    private static void printUsage(PrintStream out) {
        out.println("usage: smpp [run [--config FILE]]");
        out.println("       smpp pdu decode <hex>");
    }
}
