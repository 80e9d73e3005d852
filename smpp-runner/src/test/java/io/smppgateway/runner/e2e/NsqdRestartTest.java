package io.smppgateway.runner.e2e;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nsqd restarted (SIGTERM, two seconds down, started again on the same ports and data) while
 * messages flow both ways through the daemon: SMS_OUT to an SMSC and an ESME's submits to SMS_IN
 * ({@link RestartUnderLoad}). Nothing acknowledged may be lost (each acknowledged SMS_OUT gets its
 * final DLR_IN, each submit_sm answered ESME_ROK is on SMS_IN) and both directions resume without
 * anyone touching the gateway.
 */
class NsqdRestartTest {

    @Test
    void nsqdRestartedMidLoadLosesNothingAcknowledgedAndTrafficResumesByItself(@TempDir Path home,
                                                                               @TempDir Path nsqdData)
            throws Exception {
        try (RestartableNsqd nsqd = RestartableNsqd.start(nsqdData, Duration.ofSeconds(10))) {
            PrivateGatewayConf conf = PrivateGatewayConf.create("rn", "127.0.0.1", nsqd.tcpPort());
            TestServices.createDatabase(conf.database());
            try {
                RestartUnderLoad.run("nsqd restart", home, nsqd, conf, () -> nsqd.restart(Duration.ofSeconds(2)));
            } finally {
                TestServices.dropDatabase(conf.database());
            }
        }
    }
}
