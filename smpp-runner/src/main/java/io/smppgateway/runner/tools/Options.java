package io.smppgateway.runner.tools;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} options of a command-line tool, read with typed getters that collect
 * every mistake, so that the tool can name them all in one usage error.
 */
public final class Options {

    private final Map<String, List<String>> values = new HashMap<>();
    private final List<String> errors = new ArrayList<>();

    /**
     * @param valued the options that take a value (each may be given more than once)
     * @param flags  the options that take none
     */
    public Options(String[] args, Set<String> valued, Set<String> flags) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (flags.contains(name) && value == null) {
                values.computeIfAbsent(name, n -> new ArrayList<>()).add("true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        errors.add(name + " needs a value");
                        continue;
                    }
                    value = args[++i];
                }
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } else {
                errors.add("unknown option " + arg);
            }
        }
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String text(String name, String defaultValue) {
        List<String> given = values.get(name);
        return given == null ? defaultValue : given.get(given.size() - 1);
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public long number(String name, long defaultValue, long min, long max) {
        String text = text(name, null);
        if (text == null) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(name + " must be a whole number from " + min + " to " + max + ", was '" + text + "'");
        return defaultValue;
    }

    public int integer(String name, int defaultValue, int min, int max) {
        return (int) number(name, defaultValue, min, max);
    }

    public void error(String message) {
        errors.add(message);
    }

    public List<String> errors() {
        return errors;
    }
}
