package io.smppgateway.examples;

import com.google.gson.JsonObject;
import io.smppgateway.nsq.NsqProducer;
import io.smppgateway.nsq.NsqProducerConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends a long text as a multipart SMS, as the manual's multipart example does: the application
 * cuts the text into parts of at most 153 GSM characters, gives each part its own msg_id, and
 * publishes them in one MPUB with part_number, total_parts and a shared reference.
 * Usage: {@code SendMultipartSms <smsc_id> <receiver> <long text>}.
 */
public final class SendMultipartSms {

    /** Characters per part with a concatenation header (GSM 7-bit, plain characters). */
    private static final int PART_LENGTH = 153;

    private SendMultipartSms() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: SendMultipartSms <smsc_id> <receiver> <long text>");
            System.exit(2);
        }
        List<String> msgIds = send(ExampleSettings.fromEnvironment(), args[0], args[1], args[2]);
        System.out.println("Sent " + msgIds.size() + " parts to NSQ");
    }

    /** Publishes the parts of {@code text} and returns their msg_ids, in order. */
    static List<String> send(ExampleSettings settings, String smscId, String receiver, String text)
            throws Exception {
        List<String> parts = new ArrayList<>();
        for (int from = 0; from < text.length(); from += PART_LENGTH) {
            parts.add(text.substring(from, Math.min(text.length(), from + PART_LENGTH)));
        }
        int reference = ThreadLocalRandom.current().nextInt(1, 65_536);
        List<String> msgIds = new ArrayList<>();
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            JsonObject part = new JsonObject();
            msgIds.add(UUID.randomUUID().toString());
            part.addProperty("smsc_id", smscId);
            part.addProperty("msg_id", msgIds.get(i));
            part.addProperty("sender", "Mysender");
            part.addProperty("receiver", receiver);
            part.addProperty("message", parts.get(i));
            part.addProperty("data_coding", 0);
            part.addProperty("part_number", i + 1);
            part.addProperty("total_parts", parts.size());
            part.addProperty("reference", reference);
            bodies.add(part.toString().getBytes(StandardCharsets.UTF_8));
            System.out.println(part);
        }
        try (NsqProducer producer = NsqProducer.start(NsqProducerConfig.defaults(List.of(settings.smsOut().nsqd())))) {
            producer.publishBatch(settings.smsOut().name(), bodies).get(10, TimeUnit.SECONDS);
        }
        return msgIds;
    }
}
