package io.smppgateway.bridge.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.store.gateway.Gateway;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BindShareTest {

    private static Gateway gateway(long id, int tx, int rx, int trx) {
        return Gateway.builder().id(id).smscId("smsc" + id).host("127.0.0.1").port(2775).username("gw").password("pw")
                .enqInterval(30).srcAutodetect(true).dstAutodetect(true).txBinds(tx).rxBinds(rx).trxBinds(trx)
                .smppVersion("3.4").gsm7(true).secure(false).enabled(true).build();
    }

    private static List<String> instances(int count) {
        return IntStream.range(0, count).mapToObj(i -> "instance-" + i).toList();
    }

    /** id, tx, rx, trx, instances: the shares add up to the gateway's binds and differ by at most one. */
    @ParameterizedTest
    @CsvSource({
        "1, 0, 0, 1, 2", "2, 0, 0, 1, 2", "1, 0, 0, 2, 2", "7, 2, 3, 1, 2", "3, 1, 1, 1, 3", "4, 0, 0, 5, 3",
        "5, 10, 0, 0, 4", "6, 0, 0, 0, 2", "8, 1, 0, 0, 5", "9, 3, 3, 3, 10"
    })
    void theSharesOfTheLiveInstancesAddUpToTheGatewaysBinds(long id, int tx, int rx, int trx, int count) {
        Gateway gateway = gateway(id, tx, rx, trx);
        List<String> live = instances(count);
        int sumTx = 0;
        int sumRx = 0;
        int sumTrx = 0;
        int most = 0;
        int fewest = Integer.MAX_VALUE;
        for (String self : live) {
            BindShare share = BindShare.of(gateway, live, self);
            sumTx += share.tx();
            sumRx += share.rx();
            sumTrx += share.trx();
            most = Math.max(most, share.total());
            fewest = Math.min(fewest, share.total());
        }
        assertEquals(List.of(tx, rx, trx), List.of(sumTx, sumRx, sumTrx));
        assertTrue(most - fewest <= 1, "spread evenly: " + fewest + ".." + most);
    }

    @Test
    void transmittingBindsAreDealtFirst() {
        Gateway gateway = gateway(2, 1, 1, 0);
        List<String> live = instances(2);
        assertTrue(BindShare.of(gateway, live, "instance-0").transmits() != BindShare.of(gateway, live, "instance-1")
                .transmits(), "one instance has the transmitter, the other the receiver");
        assertEquals(new BindShare(1, 0, 0), BindShare.of(gateway, live, "instance-0"));
        assertEquals(new BindShare(0, 1, 0), BindShare.of(gateway, live, "instance-1"));
    }

    @Test
    void differentGatewaysStartAtDifferentInstances() {
        List<String> live = instances(2);
        assertEquals(new BindShare(0, 0, 1), BindShare.of(gateway(2, 0, 0, 1), live, "instance-0"));
        assertEquals(new BindShare(0, 0, 1), BindShare.of(gateway(3, 0, 0, 1), live, "instance-1"));
        assertFalse(BindShare.of(gateway(3, 0, 0, 1), live, "instance-0").transmits());
    }

    @Test
    void anInstanceAloneTakesEveryBindAndOneTheOthersTakeAsGoneNone() {
        Gateway gateway = gateway(4, 2, 1, 3);
        assertEquals(new BindShare(2, 1, 3), BindShare.of(gateway, List.of("me"), "me"));
        assertEquals(BindShare.NONE, BindShare.of(gateway, instances(3), "not-listed"));
        assertEquals(BindShare.NONE, BindShare.of(gateway, List.of(), "cut-off"));
    }
}
