package io.smppgateway.bridge.flow;

import io.smppgateway.store.gateway.Gateway;
import io.smppgateway.smpp.client.GatewayConfig;
import io.smppgateway.smpp.client.GatewayTls;
import io.smppgateway.smpp.client.NumberingRule;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import java.nio.file.Path;
import java.time.Duration;

/** A stored gateway (the REST API's record) as the client pool's connection settings. */
public final class GatewayConfigs {

    private GatewayConfigs() {
    }

    /**
     * @param clientCa the PEM file of authorities trusted for {@code is_secure} gateways, or {@code null}
     *                 for the JVM's; the SMSC's certificate must name the gateway's host either way
     */
    static GatewayConfig of(Gateway gateway, Path clientCa) {
        return GatewayConfig.builder(gateway.smscId(), gateway.host(), gateway.port())
                .credentials(gateway.username(), gateway.password())
                .systemType(gateway.systemType())
                .version(InterfaceVersion.ofLabel(gateway.smppVersion().replace(',', '.')))
                .binds(gateway.txBinds(), gateway.rxBinds(), gateway.trxBinds())
                .enquireLinkInterval(Duration.ofSeconds(gateway.enqInterval()))
                .windowSize(Math.max(1, gateway.windowSize()))
                // the manual's is_secure has no trust settings: SMPP_CLIENT_CA_PATH, for all gateways, or the JVM's
                .tls(!gateway.secure() ? GatewayTls.off()
                        : clientCa == null ? GatewayTls.systemTrust() : GatewayTls.trusting(clientCa, null))
                .source(gateway.srcAutodetect() ? NumberingRule.detected()
                        : NumberingRule.fixed(gateway.sourceTon(), gateway.sourceNpi()))
                .destination(gateway.dstAutodetect() ? NumberingRule.detected()
                        : NumberingRule.fixed(gateway.destTon(), gateway.destNpi()))
                .build();
    }
}
