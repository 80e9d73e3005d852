package io.smppgateway.bridge.flow;

import io.smppgateway.persistence.gateway.Gateway;
import io.smppgateway.smpp.client.GatewayConfig;
import io.smppgateway.smpp.client.GatewayTls;
import io.smppgateway.smpp.client.NumberingRule;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import java.time.Duration;

/** A stored gateway (the REST API's record) as the client pool's connection settings. */
public final class GatewayConfigs {

    private GatewayConfigs() {
    }

    public static GatewayConfig of(Gateway gateway) {
        return GatewayConfig.builder(gateway.smscId(), gateway.host(), gateway.port())
                .credentials(gateway.username(), gateway.password())
                .systemType(gateway.systemType())
                .version(InterfaceVersion.ofLabel(gateway.smppVersion().replace(',', '.')))
                .binds(gateway.txBinds(), gateway.rxBinds(), gateway.trxBinds())
                .enquireLinkInterval(Duration.ofSeconds(gateway.enqInterval()))
                .windowSize(Math.max(1, gateway.windowSize()))
                // the manual's is_secure has no trust settings: the system's trusted CAs decide
                .tls(gateway.secure() ? GatewayTls.systemTrust() : GatewayTls.off())
                .source(gateway.srcAutodetect() ? NumberingRule.detected()
                        : NumberingRule.fixed(gateway.sourceTon(), gateway.sourceNpi()))
                .destination(gateway.dstAutodetect() ? NumberingRule.detected()
                        : NumberingRule.fixed(gateway.destTon(), gateway.destNpi()))
                .build();
    }
}
