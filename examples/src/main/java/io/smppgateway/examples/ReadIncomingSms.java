package io.smppgateway.examples;

import com.google.gson.JsonObject;
import java.util.function.Consumer;

/**
 * Prints the SMS that ESMEs submit to the gateway's SMPP server: the SMS_IN events.
 * Usage: {@code ReadIncomingSms [count]}.
 */
public final class ReadIncomingSms {

    private ReadIncomingSms() {
    }

    public static void main(String[] args) throws Exception {
        read(ExampleSettings.fromEnvironment(), TopicReader.count(args, 0),
                sms -> System.out.println("Received SMS: " + sms));
    }

    /** Hands {@code count} SMS_IN events to {@code onSms} and returns (with 0, reads forever). */
    static void read(ExampleSettings settings, int count, Consumer<JsonObject> onSms) throws InterruptedException {
        TopicReader.read(settings.smsIn(), count, onSms);
    }
}
