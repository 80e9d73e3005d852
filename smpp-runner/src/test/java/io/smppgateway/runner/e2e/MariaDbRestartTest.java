package io.smppgateway.runner.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MariaDB restarted (SIGTERM, two seconds down, the same server started again) while messages
 * flow both ways through the daemon ({@link RestartUnderLoad}): nothing acknowledged may be lost
 * and both directions resume without anyone touching the gateway. The database is the test's own
 * ({@link PrivateMariaDb}), never the shared one other tests use.
 */
class MariaDbRestartTest {

    @Test
    void mariaDbRestartedMidLoadLosesNothingAcknowledgedAndTrafficResumesByItself(@TempDir Path home,
                                                                                  @TempDir Path nsqdData,
                                                                                  @TempDir Path dbFolder)
            throws Exception {
        try (RestartableNsqd nsqd = RestartableNsqd.start(nsqdData, Duration.ofSeconds(10))) {
            PrivateGatewayConf shared = PrivateGatewayConf.create("rm", "127.0.0.1", nsqd.tcpPort());
            try (PrivateMariaDb db = PrivateMariaDb.start(dbFolder, shared.database())) {
                Map<String, String> keys = new LinkedHashMap<>(shared.keys());
                keys.put("MYSQL_HOST", "127.0.0.1");
                keys.put("MYSQL_PORT", String.valueOf(db.port()));
                keys.put("MYSQL_USERNAME", "smpp");
                keys.put("MYSQL_PASSWORD", "smpp");
                PrivateGatewayConf conf = new PrivateGatewayConf(shared.prefix(), shared.database(), keys,
                        shared.topics(), shared.httpPort(), shared.apiToken());
                RestartUnderLoad.run("MariaDB restart", home, nsqd, conf, () -> db.restart(2000));
            }
        }
    }
}
