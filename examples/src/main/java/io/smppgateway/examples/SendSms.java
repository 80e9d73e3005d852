package io.smppgateway.examples;

import com.google.gson.JsonObject;
import io.smppgateway.nsq.NsqProducer;
import io.smppgateway.nsq.NsqProducerConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Sends one SMS through the gateway's SMPP client: publishes the manual's SMS_OUT JSON on
 * NSQ_SMS_OUT_TOPIC. Usage: {@code SendSms <smsc_id> <receiver> <text> [sender]}.
 */
public final class SendSms {

    private SendSms() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: SendSms <smsc_id> <receiver> <text> [sender]");
            System.exit(2);
        }
        String msgId = send(ExampleSettings.fromEnvironment(), args[0], args[1], args[2],
                args.length > 3 ? args[3] : "Mysender");
        System.out.println("Sent to NSQ! msg_id=" + msgId);
    }

    /** Publishes one SMS_OUT and returns the msg_id it carries, which its DLR_IN events will name. */
    static String send(ExampleSettings settings, String smscId, String receiver, String text, String sender)
            throws Exception {
        String msgId = UUID.randomUUID().toString();
        JsonObject sms = new JsonObject();
        sms.addProperty("smsc_id", smscId);
        sms.addProperty("msg_id", msgId);
        sms.addProperty("sender", sender);
        sms.addProperty("receiver", receiver);
        sms.addProperty("message", text);
        try (NsqProducer producer = NsqProducer.start(NsqProducerConfig.defaults(List.of(settings.smsOut().nsqd())))) {
            producer.publish(settings.smsOut().name(), sms.toString().getBytes(StandardCharsets.UTF_8))
                    .get(10, TimeUnit.SECONDS);
        }
        return msgId;
    }
}
