package io.smppgateway.http.engine;

import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.bridge.engine.EngineOptions;
import io.smppgateway.bridge.engine.GatewayEngine;
import io.smppgateway.bridge.flow.DlrInListener;
import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.server.BoundEsme;
import io.smppgateway.smpp.server.EsmeSessions;
import io.smppgateway.smpp.session.PduDirection;
import io.smppgateway.smpp.session.PduListener;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;

/**
 * What the REST API and the panel learn of a {@link GatewayEngine}'s traffic as it passes: messages
 * in and out per SMSC and per ESME account, the submit and receipt response times, DLR_IN events
 * per SMSC and status, and the DLR_IN events of the SMS sent through {@code POST /api/messages}
 * (which it publishes on the engine's bus). It exists before the engine because the engine takes
 * its listeners when it starts; {@link EngineBackend} then reads it.
 *
 * <pre>{@code
 * AdminTelemetry telemetry = new AdminTelemetry(bus);
 * GatewayEngine engine = GatewayEngine.start(EngineOptions.builder()
 *         .esmePdus(telemetry.esmePdus()).smscPdus(telemetry::smscPdus).dlrIn(telemetry.dlrIn())
 *         .build(), stores, bus);
 * }</pre>
 *
 * <p>The listeners run on the sessions' event loops and only add to counters.
 */
public final class AdminTelemetry {

    private final MessageBus bus;
    private final GatewayMetrics.Counters counters = new GatewayMetrics.Counters(new TrafficCounters<>(),
            new TrafficCounters<>(), new DlrInTally(), ResponseTimes.submits("esme_submit", PduDirection.RECEIVED),
            ResponseTimes.submits("smsc_submit", PduDirection.SENT),
            new ResponseTimes("smsc_receipt", PduDirection.RECEIVED, EnumSet.of(CommandId.DELIVER_SM, CommandId.DATA_SM)));
    private final ApiMessages apiMessages;
    /** The engine's bound ESMEs once it runs: an ESME's PDUs count under the account it bound as. */
    private volatile EsmeSessions esmeSessions;

    /** @param bus the bus the engine runs on: the API's SMS are published on its SMS_OUT topic */
    public AdminTelemetry(MessageBus bus) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.apiMessages = new ApiMessages(bus, Clock.systemUTC());
    }

    /** For {@link EngineOptions.Builder#esmePdus}: counts the messages and submit response times of each ESME account. */
    public PduListener esmePdus() {
        return (session, direction, pdu, octets) -> {
            EsmeSessions sessions = esmeSessions;
            BoundEsme esme = sessions == null ? null : sessions.ofSession(session.id());
            if (esme != null) {
                counters.esmeTraffic().count(new EsmeName(esme.account().id(), esme.account().systemId()), direction,
                        pdu);
                counters.esmeSubmits().onPdu(esme.account().systemId(), session, direction, pdu);
            }
        };
    }

    /**
     * For {@link EngineOptions.Builder#smscPdus} ({@code telemetry::smscPdus}): counts the messages, the
     * submit and the receipt response times of the SMSC {@code smscId}.
     */
    public PduListener smscPdus(String smscId) {
        return (session, direction, pdu, octets) -> {
            counters.smscTraffic().count(smscId, direction, pdu);
            counters.smscSubmits().onPdu(smscId, session, direction, pdu);
            counters.smscReceipts().onPdu(smscId, session, direction, pdu);
        };
    }

    /** For {@link EngineOptions.Builder#dlrIn}: tallies every DLR_IN by status and keeps those of the API's SMS. */
    public DlrInListener dlrIn() {
        return event -> {
            counters.dlrInStatuses().published(event);
            apiMessages.published(event);
        };
    }

    /** From now on, the PDUs of {@code engine}'s ESMEs count under their accounts. */
    void watch(GatewayEngine engine) {
        EsmeSessions sessions = engine.esmeServer().sessions();
        EsmeSessions before = esmeSessions;
        if (before != null && before != sessions) {
            throw new IllegalStateException("these counters already count another engine's ESMEs");
        }
        esmeSessions = sessions;
    }

    MessageBus bus() {
        return bus;
    }

    GatewayMetrics.Counters counters() {
        return counters;
    }

    ApiMessages apiMessages() {
        return apiMessages;
    }
}
