package io.smppgateway.http.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BucketBoundsTest {

    /** Expected values as Go's strconv.FormatFloat(v, 'g', -1, 64) printed them. */
    @ParameterizedTest
    @CsvSource({"5.0E-4, 0.0005", "1.0E-5, 1e-05", "10.0, 10", "30.0, 30", "2.5, 2.5", "123456.0, 123456",
            "1234567.0, 1.234567e+06", "1000000.0, 1e+06", "1.0E21, 1e+21", "-1.2E-4, -0.00012", "0.0, 0",
            "1.5E-7, 1.5e-07", "+Inf, +Inf", "-Inf, -Inf", "NaN, NaN"})
    void writesABoundAsGoDoes(String javaDouble, String go) {
        assertEquals(go, BucketBounds.format(javaDouble));
    }

    @Test
    void rewritesOnlyTheLeLabelOfBucketLines() {
        String written = """
                # HELP x_seconds le="5.0E-4" in help stays
                # TYPE x_seconds histogram
                x_seconds_bucket{peer="le=\\"5.0E-4\\"",le="5.0E-4"} 1
                x_seconds_bucket{le="10.0"} 2
                x_seconds_bucket{peer="a",le="+Inf"} 3
                x_seconds_count{peer="a"} 3
                y{le="5.0E-4"} 1.0
                """;
        assertEquals("""
                # HELP x_seconds le="5.0E-4" in help stays
                # TYPE x_seconds histogram
                x_seconds_bucket{peer="le=\\"5.0E-4\\"",le="0.0005"} 1
                x_seconds_bucket{le="10"} 2
                x_seconds_bucket{peer="a",le="+Inf"} 3
                x_seconds_count{peer="a"} 3
                y{le="5.0E-4"} 1.0
                """, BucketBounds.rewrite(written));
    }
}
