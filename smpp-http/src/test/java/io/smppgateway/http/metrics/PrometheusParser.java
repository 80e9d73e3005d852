package io.smppgateway.http.metrics;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Prometheus's own parser of the text exposition format ({@code github.com/prometheus/common/expfmt}),
 * for tests: the Go program in {@code smpp-http/src/test/promparse} is built once into
 * {@code smpp-http/target/promparse} (again when its sources change) and run on the text. What it
 * accepts, Prometheus scrapes; what it calls {@code UNTYPED}, Prometheus stores without a type.
 * Needs Go (as the test suite does for nsqd).
 */
public final class PrometheusParser {

    /** One sample as stored: the series name (with {@code _bucket}, {@code _sum}, {@code _count}), labels, value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /** One metric family: its name, {@code COUNTER}, {@code GAUGE}, {@code HISTOGRAM}, {@code SUMMARY} or {@code UNTYPED}. */
    public record Family(String name, String type, String help, List<Sample> samples) {
    }

    private static final Path SOURCES = locateSources();
    private static final Path BINARY = SOURCES.resolve("../../../target/promparse/promparse").normalize();

    private PrometheusParser() {
    }

    /**
     * The families in {@code exposition}, by name.
     *
     * @throws AssertionError with the parser's message when it refuses the text
     */
    public static Map<String, Family> parse(String exposition) {
        Path binary = build();
        try {
            Path input = Files.createTempFile("metrics", ".txt");
            try {
                Files.writeString(input, exposition, StandardCharsets.UTF_8);
                Process process = new ProcessBuilder(binary.toString()).redirectInput(input.toFile()).start();
                byte[] out = process.getInputStream().readAllBytes();
                String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("the Prometheus parser did not finish");
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError("the Prometheus parser refused the text: " + err.strip() + "\n"
                            + exposition);
                }
                return families(JsonParser.parseString(new String(out, StandardCharsets.UTF_8)).getAsJsonArray());
            } finally {
                Files.deleteIfExists(input);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static Map<String, Family> families(JsonArray array) {
        Map<String, Family> families = new LinkedHashMap<>();
        for (JsonElement element : array) {
            JsonObject family = element.getAsJsonObject();
            List<Sample> samples = new ArrayList<>();
            for (JsonElement sampleElement : family.getAsJsonArray("samples")) {
                JsonObject sample = sampleElement.getAsJsonObject();
                Map<String, String> labels = new LinkedHashMap<>();
                sample.getAsJsonObject("labels").entrySet()
                        .forEach(label -> labels.put(label.getKey(), label.getValue().getAsString()));
                samples.add(new Sample(sample.get("name").getAsString(), Map.copyOf(labels),
                        sample.get("value").getAsDouble()));
            }
            String name = family.get("name").getAsString();
            families.put(name, new Family(name, family.get("type").getAsString(), family.get("help").getAsString(),
                    List.copyOf(samples)));
        }
        return families;
    }

    /** The sample of {@code family} whose labels include all of {@code labels}, if there is one. */
    public static Optional<Sample> sample(Map<String, Family> families, String family, String sampleName,
                                          Map<String, String> labels) {
        Family found = families.get(family);
        if (found == null) {
            return Optional.empty();
        }
        return found.samples().stream().filter(sample -> sample.name().equals(sampleName)
                && sample.labels().entrySet().containsAll(labels.entrySet())).findFirst();
    }

    private static synchronized Path build() {
        try {
            if (Files.isExecutable(BINARY) && newestSource().compareTo(Files.getLastModifiedTime(BINARY)) <= 0) {
                return BINARY;
            }
            Files.createDirectories(BINARY.getParent());
            Path building = BINARY.resolveSibling("promparse.building");
            Path log = BINARY.resolveSibling("go-build.log");
            ProcessBuilder go = new ProcessBuilder("go", "build", "-buildvcs=false", "-o", building.toString(), ".")
                    .directory(SOURCES.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            go.environment().put("GOTOOLCHAIN", "local");
            Process process = go.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("go build of " + SOURCES + " did not finish in 10 minutes");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("go build of " + SOURCES + " failed (Go 1.26 or newer is needed):\n"
                        + Files.readString(log));
            }
            Files.move(building, BINARY, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return BINARY;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the Prometheus parser in " + SOURCES, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static FileTime newestSource() throws IOException {
        FileTime newest = FileTime.fromMillis(0);
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                FileTime modified = Files.getLastModifiedTime(file);
                newest = modified.compareTo(newest) > 0 ? modified : newest;
            }
        }
        return newest;
    }

    /** The Go sources, from smpp-http (where they are) or from a sibling module's folder. */
    private static Path locateSources() {
        for (Path candidate : List.of(Path.of("src/test/promparse"), Path.of("../smpp-http/src/test/promparse"))) {
            if (Files.isRegularFile(candidate.resolve("main.go"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("no smpp-http/src/test/promparse/main.go from " + Path.of("").toAbsolutePath());
    }
}
