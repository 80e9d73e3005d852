package io.smppgateway.runner.tools;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * How every {@code smpp} command line behaves: help and version on stdout with exit 0; a wrong
 * option, a missing required one or a value out of range on stderr, one line naming it, then the
 * command's synopsis and where its help is, with exit 2.
 */
public final class ToolCommandLine {

    /** The exit code of a usage error: the one picocli and the gateway's {@code run} use. */
    public static final int USAGE = CommandLine.ExitCode.USAGE;

    private ToolCommandLine() {
    }

    /** Prepares {@code command} (an annotated command object) to write to {@code out} and {@code err}. */
    public static CommandLine of(Object command, PrintStream out, PrintStream err) {
        CommandLine line;
        if (command instanceof CommandLine given) {
            line = given;
        } else {
            // a command run on its own (as the tests do) is named and helped as under the launcher
            line = new CommandLine(command);
            line.getCommandSpec().name("smpp " + line.getCommandSpec().name());
        }
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setParameterExceptionHandler(ToolCommandLine::usageError);
        return line;
    }

    /** Parses {@code args} and runs the command they name; returns its exit code. */
    public static int execute(Object command, String[] args, PrintStream out, PrintStream err) {
        CommandLine line = of(command, out, err);
        try {
            return line.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * A usage error for the checks a command makes after parsing (ranges, options that exclude each
     * other): each message is one line, and the usage follows them.
     */
    public static ParameterException usageError(CommandSpec spec, List<String> problems) {
        return new ParameterException(spec.commandLine(), String.join(System.lineSeparator(), problems));
    }

    /**
     * Checks that {@code value}, given as {@code option}, is from {@code min} to {@code max}, and
     * adds a line saying so to {@code problems} when it is not.
     */
    public static void checkRange(List<String> problems, String option, long value, long min, long max) {
        if (value < min || value > max) {
            problems.add(option + " must be a whole number from " + min + " to " + max + ", was '" + value + "'");
        }
    }

    private static int usageError(ParameterException problem, String[] args) {
        CommandLine line = problem.getCommandLine();
        PrintWriter err = line.getErr();
        String name = displayName(line.getCommandSpec());
        String text = problem.getMessage();
        if (problem instanceof CommandLine.UnmatchedArgumentException unmatched
                && !line.getSubcommands().isEmpty() && !unmatched.getUnmatched().isEmpty()
                && !unmatched.getUnmatched().get(0).startsWith("-")) {
            text = "unknown command '" + unmatched.getUnmatched().get(0) + "'; the commands are "
                    + String.join(", ", line.getSubcommands().keySet());
        }
        for (String message : text.split("\\R")) {
            err.println(name + ": " + message);
        }
        err.print("Usage: " + line.getHelp().synopsis(0));
        err.println("'" + name + " --help' describes every option and its default.");
        err.flush();
        return USAGE;
    }

    private static String displayName(CommandSpec spec) {
        return spec.qualifiedName();
    }
}
