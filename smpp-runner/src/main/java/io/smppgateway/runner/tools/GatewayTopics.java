package io.smppgateway.runner.tools;

import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.runner.config.BusChoice;
import io.smppgateway.runner.config.GatewaySettings;
import io.smppgateway.runner.config.InvalidSettingsException;
import io.smppgateway.runner.config.SettingsReader;
import java.nio.file.Path;
import java.util.Map;

/**
 * The NSQ topics the gateway on this machine uses, read by the gateway's own {@link SettingsReader}
 * from the same smpp.conf and environment, so that a tool publishes where the gateway consumes.
 *
 * @param bus the gateway's NSQ topics, or null when it has none (then {@code why} says why)
 * @param why what the gateway's settings say instead, fit for an error message
 */
record GatewayTopics(BusChoice.Nsq bus, String why) {

    static GatewayTopics read(Path home, Map<String, String> environment) {
        GatewaySettings settings;
        try {
            settings = new SettingsReader(home, environment, warning -> { }).read(null);
        } catch (InvalidSettingsException e) {
            return new GatewayTopics(null, "the gateway's settings cannot be read: " + e.getMessage());
        }
        if (settings.bus() instanceof BusChoice.Nsq nsq) {
            return new GatewayTopics(nsq, "");
        }
        return new GatewayTopics(null, "the gateway's settings (" + settings.source() + ") name no NSQ topic, so the"
                + " gateway runs on its in-process bus and consumes nothing from nsqd");
    }

    /** The gateway's endpoint for {@code topic}, or null when it has no NSQ topics. */
    BusChoice.NsqEndpoint endpoint(Topic topic) {
        return bus == null ? null : bus.of(topic);
    }
}
