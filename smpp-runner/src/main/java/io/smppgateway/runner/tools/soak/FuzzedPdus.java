package io.smppgateway.runner.tools.soak;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An endless, reproducible stream of damaged PDUs: each a {@link SeedPdus seed} put through one
 * {@link PduMutation}, both drawn from a random generator seeded by the caller (the soak prints
 * its seed, so a run that found something can be replayed).
 */
final class FuzzedPdus {

    private static final PduMutation[] ALL = PduMutation.values();
    private static final PduMutation[] FRAMED = Arrays.stream(ALL).filter(PduMutation::keepsFraming)
            .toArray(PduMutation[]::new);

    private final SplittableRandom random;
    private final PduMutation[] mutations;
    private final List<byte[]> seeds = SeedPdus.all();

    /**
     * @param framedOnly only mutations that keep the stream framed, for a bound session that
     *                   should live on; otherwise every mutation, framing-breaking ones included
     */
    FuzzedPdus(long seed, boolean framedOnly) {
        this.random = new SplittableRandom(seed);
        this.mutations = framedOnly ? FRAMED : ALL;
    }

    byte[] next() {
        byte[] seed = seeds.get(random.nextInt(seeds.size()));
        return mutations[random.nextInt(mutations.length)].apply(seed, random);
    }
}
