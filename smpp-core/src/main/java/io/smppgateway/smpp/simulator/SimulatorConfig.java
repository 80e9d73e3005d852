package io.smppgateway.smpp.simulator;

import io.smppgateway.smpp.server.SmppServerConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the {@link SmscSimulator} listens and behaves.
 *
 * @param server                 listener, TLS, our system_id, bind timeout and session settings
 *                               (the same record the real server takes)
 * @param credentials            system_id to password of the ESMEs allowed to bind; empty: any
 *                               system_id with any password
 * @param idStyle                the form of message ids
 * @param responseLatency        how long before a submit_sm is answered
 * @param receiptDelay           how long after the answer the delivery receipt goes out
 * @param outcomes               the mix of final statuses in receipts
 * @param throttleEveryNth       answer every Nth submit_sm (counted over the simulator) with
 *                               ESME_RTHROTTLED; 0 never
 * @param pendingReceiptCapacity most receipts held for ESMEs with no receiver bind; beyond it the
 *                               oldest is dropped (and counted)
 */
public record SimulatorConfig(SmppServerConfig server, Map<String, String> credentials, MessageIdStyle idStyle,
                              Duration responseLatency, Duration receiptDelay, ReceiptOutcomes outcomes,
                              int throttleEveryNth, int pendingReceiptCapacity) {

    public SimulatorConfig {
        Objects.requireNonNull(server, "server");
        credentials = Map.copyOf(credentials);
        Objects.requireNonNull(idStyle, "idStyle");
        Objects.requireNonNull(outcomes, "outcomes");
        if (responseLatency.isNegative() || receiptDelay.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
        if (throttleEveryNth < 0 || pendingReceiptCapacity < 0) {
            throw new IllegalArgumentException("throttleEveryNth and pendingReceiptCapacity must not be negative");
        }
    }

    /**
     * Listening on 127.0.0.1 on a free port as {@code smscsim}, any credentials, decimal ids,
     * immediate answers, receipts after 100 ms with 90/5/5 % DELIVRD/UNDELIV/REJECTD, no throttling.
     */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig(SmppServerConfig.defaults().withAddress("127.0.0.1", 0).withSystemId("smscsim"),
                Map.of(), MessageIdStyle.DECIMAL, Duration.ZERO, Duration.ofMillis(100), ReceiptOutcomes.defaults(),
                0, 100_000);
    }

    public SimulatorConfig withServer(SmppServerConfig value) {
        return new SimulatorConfig(value, credentials, idStyle, responseLatency, receiptDelay, outcomes,
                throttleEveryNth, pendingReceiptCapacity);
    }

    public SimulatorConfig withCredentials(Map<String, String> value) {
        return new SimulatorConfig(server, value, idStyle, responseLatency, receiptDelay, outcomes,
                throttleEveryNth, pendingReceiptCapacity);
    }

    public SimulatorConfig withIdStyle(MessageIdStyle value) {
        return new SimulatorConfig(server, credentials, value, responseLatency, receiptDelay, outcomes,
                throttleEveryNth, pendingReceiptCapacity);
    }

    public SimulatorConfig withResponseLatency(Duration value) {
        return new SimulatorConfig(server, credentials, idStyle, value, receiptDelay, outcomes,
                throttleEveryNth, pendingReceiptCapacity);
    }

    public SimulatorConfig withReceiptDelay(Duration value) {
        return new SimulatorConfig(server, credentials, idStyle, responseLatency, value, outcomes,
                throttleEveryNth, pendingReceiptCapacity);
    }

    public SimulatorConfig withOutcomes(ReceiptOutcomes value) {
        return new SimulatorConfig(server, credentials, idStyle, responseLatency, receiptDelay, value,
                throttleEveryNth, pendingReceiptCapacity);
    }

    public SimulatorConfig withThrottleEveryNth(int value) {
        return new SimulatorConfig(server, credentials, idStyle, responseLatency, receiptDelay, outcomes,
                value, pendingReceiptCapacity);
    }

    public SimulatorConfig withPendingReceiptCapacity(int value) {
        return new SimulatorConfig(server, credentials, idStyle, responseLatency, receiptDelay, outcomes,
                throttleEveryNth, value);
    }
}
