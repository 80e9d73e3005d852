package io.smppgateway.bridge.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smppgateway.store.gateway.Gateway;
import io.smppgateway.smpp.client.GatewayTls;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How a stored gateway's is_secure becomes the binds' TLS settings. */
class GatewayConfigsTest {

    private static Gateway gateway(boolean secure) {
        return new Gateway(1, "smsc", "smsc.example.org", 3550, "user", "pw", null, 30, true, 0, 0, true, 0, 0,
                0, 0, 1, 10, "3.4", true, secure, true, 0, 0);
    }

    @Test
    void aSecureGatewayTrustsOnlyTheClientCaFileWhenOneIsSet() {
        Path ca = Path.of("/etc/smpp/smsc-ca.pem");

        assertEquals(GatewayTls.trusting(ca, null), GatewayConfigs.of(gateway(true), ca).tls());
    }

    @Test
    void aSecureGatewayTrustsTheJvmsAuthoritiesWithoutAClientCaFile() {
        assertEquals(GatewayTls.systemTrust(), GatewayConfigs.of(gateway(true), null).tls());
    }

    @Test
    void aPlainGatewayStaysPlainWhateverTheClientCaFile() {
        assertEquals(GatewayTls.off(), GatewayConfigs.of(gateway(false), Path.of("/etc/smpp/smsc-ca.pem")).tls());
    }
}
