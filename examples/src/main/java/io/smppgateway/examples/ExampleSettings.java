package io.smppgateway.examples;

import io.smppgateway.nsq.NsqAddress;

/**
 * Where the examples find the gateway: the same keys as smpp.conf, read from the environment, with
 * the manual's defaults. Only the keys an example needs are read.
 */
record ExampleSettings(String nsqHost, int nsqPort, String smsOutTopic, String dlrInTopic, String smsInTopic,
                       String dlrOutTopic, String httpBase, String apiToken) {

    static ExampleSettings fromEnvironment() {
        return new ExampleSettings(
                env("NSQ_HOST", "127.0.0.1"),
                Integer.parseInt(env("NSQ_PORT", "4150")),
                env("NSQ_SMS_OUT_TOPIC", "sms_out"),
                env("NSQ_DLR_IN_TOPIC", "dlr_in"),
                env("NSQ_SMS_IN_TOPIC", "sms_in"),
                env("NSQ_DLR_OUT_TOPIC", "dlr_out"),
                env("GATEWAY_HTTP", "http://127.0.0.1:8010"),
                env("HTTP_API_TOKEN", ""));
    }

    NsqAddress nsqd() {
        return new NsqAddress(nsqHost, nsqPort);
    }

    private static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }
}
