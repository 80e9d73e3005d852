package io.smppgateway.nsq;

import com.google.gson.JsonObject;

import java.net.InetAddress;
import java.net.UnknownHostException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * The client's side of IDENTIFY: what we tell nsqd about ourselves and the settings we ask for.
 * Feature negotiation is always on, so nsqd answers with its own settings as JSON
 * ({@link IdentifyResponse}).
 *
 * @param clientId          shown in nsqd's stats
 * @param hostname          shown in nsqd's stats
 * @param userAgent         shown in nsqd's stats
 * @param heartbeatInterval how often nsqd sends {@code _heartbeat_} (nsqd accepts 1 s to its
 *                          --max-heartbeat-interval, 60 s by default)
 * @param msgTimeout        how long nsqd waits for FIN/REQ/TOUCH before redelivering, or null
 *                          for nsqd's --msg-timeout
 */
public record IdentifyRequest(String clientId, String hostname, String userAgent,
                              Duration heartbeatInterval, Duration msgTimeout) {

    public IdentifyRequest {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        if (heartbeatInterval.toMillis() < 1000) {
            throw new IllegalArgumentException("nsqd refuses a heartbeat interval below 1 s: " + heartbeatInterval);
        }
        if (msgTimeout != null && msgTimeout.toMillis() < 1000) {
            throw new IllegalArgumentException("nsqd refuses a msg_timeout below 1 s: " + msgTimeout);
        }
    }

    /** User agent sent when none is given. */
    public static final String USER_AGENT = "io.smppgateway.nsq/0.1";

    /** This host's names, our user agent, heartbeats every 30 s and nsqd's own msg_timeout. */
    public static IdentifyRequest defaults() {
        String host = localHostname();
        int dot = host.indexOf('.');
        return new IdentifyRequest(dot > 0 ? host.substring(0, dot) : host, host, USER_AGENT,
                Duration.ofSeconds(30), null);
    }

    public IdentifyRequest withHeartbeatInterval(Duration interval) {
        return new IdentifyRequest(clientId, hostname, userAgent, interval, msgTimeout);
    }

    public IdentifyRequest withMsgTimeout(Duration timeout) {
        return new IdentifyRequest(clientId, hostname, userAgent, heartbeatInterval, timeout);
    }

    public IdentifyRequest withClientId(String id) {
        return new IdentifyRequest(id, hostname, userAgent, heartbeatInterval, msgTimeout);
    }

    private static String localHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    byte[] toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("client_id", clientId);
        json.addProperty("hostname", hostname);
        json.addProperty("user_agent", userAgent);
        json.addProperty("feature_negotiation", true);
        json.addProperty("heartbeat_interval", heartbeatInterval.toMillis());
        if (msgTimeout != null) {
            json.addProperty("msg_timeout", msgTimeout.toMillis());
        }
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
