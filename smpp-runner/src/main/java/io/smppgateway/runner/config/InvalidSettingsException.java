package io.smppgateway.runner.config;

import java.util.List;

/**
 * {@code smpp.conf} and the environment cannot start the gateway: every problem, each naming its
 * key, in one message, so that one edit fixes them all.
 */
public final class InvalidSettingsException extends RuntimeException {

    private final List<String> problems;

    public InvalidSettingsException(String source, List<String> problems) {
        super(describe(source, problems));
        this.problems = List.copyOf(problems);
    }

    /** One entry per problem, each starting with its key, e.g. {@code "SMPP_PORT: ..."}. */
    public List<String> problems() {
        return problems;
    }

    private static String describe(String source, List<String> problems) {
        StringBuilder text = new StringBuilder("invalid settings (").append(source).append("), ")
                .append(problems.size()).append(problems.size() == 1 ? " problem:" : " problems:");
        for (String problem : problems) {
            text.append("\n  ").append(problem);
        }
        return text.toString();
    }
}
