package io.smppgateway.examples;

import com.google.gson.JsonObject;
import io.smppgateway.nsq.NsqProducer;
import io.smppgateway.nsq.NsqProducerConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Plays the application behind the SMPP server: for every SMS an ESME submits (SMS_IN), publishes a
 * DLR_OUT saying it was delivered, so the ESME gets its delivery receipt.
 * Usage: {@code AnswerWithDlr [count] [status]}.
 */
public final class AnswerWithDlr {

    private AnswerWithDlr() {
    }

    public static void main(String[] args) throws Exception {
        answer(ExampleSettings.fromEnvironment(), TopicReader.count(args, 0), args.length > 1 ? args[1] : "delivered");
    }

    /** Answers {@code count} SMS_IN events (with 0, answers forever) with a DLR_OUT of {@code status}. */
    static void answer(ExampleSettings settings, int count, String status) throws Exception {
        try (NsqProducer producer = NsqProducer.start(NsqProducerConfig.defaults(List.of(settings.dlrOut().nsqd())))) {
            TopicReader.read(settings.smsIn(), count, sms -> {
                JsonObject dlr = new JsonObject();
                dlr.addProperty("client_id", sms.get("client_id").getAsLong());
                dlr.addProperty("msg_id", sms.get("msg_id").getAsString());
                dlr.addProperty("status", status);
                dlr.addProperty("err_code", 0);
                try {
                    producer.publish(settings.dlrOut().name(), dlr.toString().getBytes(StandardCharsets.UTF_8))
                            .get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("could not publish the DLR for " + sms.get("msg_id"), e);
                }
                System.out.println("Answered " + sms.get("msg_id").getAsString() + " with " + status);
            });
        }
    }
}
