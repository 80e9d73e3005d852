package io.smppgateway.http.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A ring of 4 steps, fed the adds of each row, then read from step 100 on for 8 steps. */
class StepRingTest {

    /** An add: {@code amount} to {@code step}. */
    record Add(long step, long amount) {
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("nothing yet reads as zero", new Add[] {}, new long[] {0, 0, 0, 0, 0, 0, 0, 0}, 0),
                Arguments.of("one step", new Add[] {new Add(101, 5)}, new long[] {0, 5, 0, 0, 0, 0, 0, 0}, 5),
                Arguments.of("steps skipped are zero", new Add[] {new Add(100, 1), new Add(103, 2)},
                        new long[] {1, 0, 0, 2, 0, 0, 0, 0}, 3),
                Arguments.of("the same step twice adds up", new Add[] {new Add(102, 3), new Add(102, 4)},
                        new long[] {0, 0, 7, 0, 0, 0, 0, 0}, 7),
                Arguments.of("a late sample for a step still held", new Add[] {new Add(103, 1), new Add(101, 2)},
                        new long[] {0, 2, 0, 1, 0, 0, 0, 0}, 3),
                Arguments.of("wrapping forgets the oldest",
                        new Add[] {new Add(100, 1), new Add(101, 2), new Add(102, 3), new Add(103, 4), new Add(104, 5)},
                        new long[] {0, 2, 3, 4, 5, 0, 0, 0}, 14),
                Arguments.of("a step older than the ring is dropped", new Add[] {new Add(105, 1), new Add(101, 9)},
                        new long[] {0, 0, 0, 0, 0, 1, 0, 0}, 1),
                Arguments.of("a jump longer than the ring clears it",
                        new Add[] {new Add(100, 1), new Add(101, 1), new Add(107, 6)},
                        new long[] {0, 0, 0, 0, 0, 0, 0, 6}, 6),
                Arguments.of("moving on without traffic expires the total", new Add[] {new Add(100, 8), new Add(104, 0)},
                        new long[] {0, 0, 0, 0, 0, 0, 0, 0}, 0),
                Arguments.of("a count saturates", new Add[] {new Add(100, Integer.MAX_VALUE), new Add(100, 10)},
                        new long[] {Integer.MAX_VALUE, 0, 0, 0, 0, 0, 0, 0}, Integer.MAX_VALUE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void holdsTheLastStepsOnly(String name, Add[] adds, long[] expected, long total) {
        StepRing ring = new StepRing(4);
        for (Add add : adds) {
            ring.add(add.step(), add.amount());
        }
        assertArrayEquals(expected, ring.sums(100, 8, 1));
        assertEquals(total, ring.total());
    }

    @ParameterizedTest(name = "width {0}")
    @MethodSource("widths")
    void sumsStepsIntoWiderOnes(int width, long[] expected) {
        StepRing ring = new StepRing(8);
        for (long step = 100; step < 108; step++) {
            ring.add(step, step - 99);
        }
        assertArrayEquals(expected, ring.sums(100, 8 / width, width));
    }

    static Stream<Arguments> widths() {
        return Stream.of(Arguments.of(1, new long[] {1, 2, 3, 4, 5, 6, 7, 8}),
                Arguments.of(2, new long[] {3, 7, 11, 15}),
                Arguments.of(4, new long[] {10, 26}),
                Arguments.of(8, new long[] {36}));
    }
}
