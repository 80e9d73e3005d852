package io.smppgateway.examples;

/**
 * Prints the SMS that ESMEs submit to the gateway's SMPP server: the SMS_IN events.
 * Usage: {@code ReadIncomingSms [count]}.
 */
public final class ReadIncomingSms {

    private ReadIncomingSms() {
    }

    public static void main(String[] args) throws Exception {
        ExampleSettings settings = ExampleSettings.fromEnvironment();
        TopicReader.read(settings, settings.smsInTopic(), TopicReader.count(args, 0),
                sms -> System.out.println("Received SMS: " + sms));
    }
}
