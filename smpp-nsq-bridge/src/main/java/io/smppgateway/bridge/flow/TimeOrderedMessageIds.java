package io.smppgateway.bridge.flow;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The msg_ids we hand to ESMEs in submit_sm_resp: UUID strings, as the manual shows them, of
 * version 7 (RFC 9562): the first 48 bits are the Unix time in milliseconds, the other 74 (besides
 * version and variant) random. Ids made later sort later, so the inbound tracking table, keyed by
 * msg_id, grows at its end instead of at random places of its key, which keeps its inserts cheap
 * however large it is; and no {@code SecureRandom} is locked per message as
 * {@link UUID#randomUUID()} does (a msg_id need not be unguessable: it names a message, it grants
 * nothing).
 */
final class TimeOrderedMessageIds {

    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;

    private final Clock clock;

    TimeOrderedMessageIds(Clock clock) {
        this.clock = clock;
    }

    String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = clock.millis() & 0xFFFF_FFFF_FFFFL;
        long mostSignificant = (millis << 16) | VERSION_7 | (random.nextLong() & 0x0FFFL);
        long leastSignificant = VARIANT_RFC | (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL);
        return new UUID(mostSignificant, leastSignificant).toString();
    }
}
