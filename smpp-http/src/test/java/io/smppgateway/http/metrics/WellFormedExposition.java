package io.smppgateway.http.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.http.metrics.PrometheusParser.Family;
import io.smppgateway.http.metrics.PrometheusParser.Sample;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code /metrics} answer must be, checked with Prometheus's parser: it parses; every family
 * has a type (none {@code UNTYPED}); each family is one block, its {@code # HELP} and
 * {@code # TYPE} once and first; and every bucket bound is written as Prometheus writes it.
 */
public final class WellFormedExposition {

    private static final Pattern SAMPLE_NAME = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");
    private static final Pattern LE = Pattern.compile("[{,]le=\"([^\"]*)\"");
    private static final List<String> SUFFIXES = List.of("", "_bucket", "_sum", "_count", "_created");

    private WellFormedExposition() {
    }

    /** The families of {@code text} after checking it; fails the test on the first defect. */
    public static Map<String, Family> check(String text) {
        Map<String, Family> families = PrometheusParser.parse(text);
        assertFalse(families.isEmpty(), "no family in\n" + text);
        for (Family family : families.values()) {
            assertNotEquals("UNTYPED", family.type(), "untyped family " + family.name() + " in\n" + text);
            assertFalse(family.help().isBlank(), "no HELP for " + family.name());
        }
        assertContiguous(text);
        assertBucketBoundsAsPrometheusWritesThem(text, families);
        return families;
    }

    /** Each sample line belongs to the family of the last {@code # TYPE}, and no family is described twice. */
    private static void assertContiguous(String text) {
        Set<String> typed = new HashSet<>();
        String current = null;
        for (String line : text.lines().toList()) {
            if (line.startsWith("# TYPE ")) {
                current = line.split(" ")[2];
                assertTrue(typed.add(current), "family " + current + " described twice");
            } else if (line.startsWith("# HELP ")) {
                String described = line.split(" ")[2];
                assertFalse(typed.contains(described), "HELP for " + described + " after its TYPE or twice");
            } else if (!line.isEmpty()) {
                Matcher name = SAMPLE_NAME.matcher(line);
                assertTrue(name.find(), "not a sample: " + line);
                String family = current;
                assertTrue(family != null && SUFFIXES.stream().anyMatch(s -> name.group(1).equals(family + s)),
                        "sample outside its family's block (after # TYPE " + family + "): " + line);
            }
        }
    }

    /** The {@code le} values as written are those Prometheus writes for the bounds it parsed. */
    private static void assertBucketBoundsAsPrometheusWritesThem(String text, Map<String, Family> families) {
        Set<String> written = new TreeSet<>();
        Matcher le = LE.matcher(text);
        while (le.find()) {
            written.add(le.group(1));
        }
        Set<String> canonical = new TreeSet<>();
        for (Family family : families.values()) {
            if (family.type().equals("HISTOGRAM")) {
                family.samples().stream().filter(s -> s.name().endsWith("_bucket")).map(Sample::labels)
                        .forEach(labels -> canonical.add(labels.get("le")));
            }
        }
        assertEquals(canonical, written, "bucket bounds not written as Prometheus writes them");
    }
}
