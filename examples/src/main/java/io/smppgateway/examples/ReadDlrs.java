package io.smppgateway.examples;

import com.google.gson.JsonObject;
import java.util.function.Consumer;

/**
 * Prints the delivery reports of the SMS the application sent: the DLR_IN events, first
 * {@code sent} and then one final status per SMS or segment. Usage: {@code ReadDlrs [count]}.
 */
public final class ReadDlrs {

    private ReadDlrs() {
    }

    public static void main(String[] args) throws Exception {
        read(ExampleSettings.fromEnvironment(), TopicReader.count(args, 0),
                dlr -> System.out.println("Received DLR: " + dlr));
    }

    /** Hands {@code count} DLR_IN events to {@code onDlr} and returns (with 0, reads forever). */
    static void read(ExampleSettings settings, int count, Consumer<JsonObject> onDlr) throws InterruptedException {
        TopicReader.read(settings.dlrIn(), count, onDlr);
    }
}
