package io.smppgateway.examples;

/**
 * Prints the delivery reports of the SMS the application sent: the DLR_IN events, first
 * {@code sent} and then one final status per SMS or segment. Usage: {@code ReadDlrs [count]}.
 */
public final class ReadDlrs {

    private ReadDlrs() {
    }

    public static void main(String[] args) throws Exception {
        ExampleSettings settings = ExampleSettings.fromEnvironment();
        TopicReader.read(settings, settings.dlrInTopic(), TopicReader.count(args, 0),
                dlr -> System.out.println("Received DLR: " + dlr));
    }
}
