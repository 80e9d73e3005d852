package io.smppgateway.store;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with a body that is not JSON, in the application developer's words: where the
 * text stops being JSON, without the parser's advice on its own settings. The topics' messages and
 * the REST API's bodies say it the same way.
 */
public final class JsonSyntax {

    private static final Pattern WHERE = Pattern.compile("line (\\d+) column (\\d+)");

    private JsonSyntax() {
    }

    /** @param parseFailure what the JSON parser threw */
    public static String describe(Throwable parseFailure) {
        if (parseFailure instanceof StackOverflowError) {
            return "not JSON we read: nested too deeply";
        }
        String message = String.valueOf(parseFailure.getMessage());
        Matcher where = WHERE.matcher(message);
        String at = where.find() ? " at line " + where.group(1) + ", column " + where.group(2) : "";
        if (message.contains("End of input")) {
            return "not JSON: the text ends before the JSON does" + at;
        }
        return "not JSON: unexpected text" + at;
    }
}
