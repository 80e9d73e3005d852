package io.smppgateway.bench.codec;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Counts the machine instructions one codec operation takes: a figure that, unlike ops/s or CPU
 * time, does not depend on how much of the shared machine the run gets. Each (codec, operation)
 * runs in a JVM of its own under valgrind's callgrind and calls the same benchmark method of the
 * same JMH state class as the JMH run: a warm-up until the JIT compiler has had nothing left to do
 * for a round, then phases of N, 2N, N and 2N operations, each closed by a callgrind dump. A 2N
 * phase minus the N phase before it is N operations with the fixed costs of a phase cancelled, so
 * each run gives two estimates; they differ by a few instructions when the run is sound.
 *
 * <p>Only the benchmark's thread is counted (callgrind counts each thread apart): what the codec
 * executes, allocation from the thread's buffer included, but not the collector threads, which
 * work in proportion to live objects (none of these codecs keeps any) rather than to garbage.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.smppgateway.bench.codec.CodecInstructionCount \
 *     [--codecs ours-direct,ours-heap,jsmpp,cloudhopper,floor] [--ops decodeSubmitSm,...] [--n 200000]
 * </pre>
 * It needs valgrind on the path. The JIT compiles for the CPU that valgrind emulates, which is the
 * same for every codec.
 */
public final class CodecInstructionCount {

    private static final List<String> CODECS = List.of("ours-direct", "ours-heap", "jsmpp", "cloudhopper", "floor");
    private static final List<String> OPS = List.of("encodeSubmitSm", "decodeSubmitSm", "encodeDeliverSm",
            "decodeDeliverSm", "encodeEnquireLink", "decodeEnquireLink");

    /** The native method behind {@link Runtime#availableProcessors()}, which nothing calls while we measure. */
    private static final String DUMP_TRIGGER = "Java_java_lang_Runtime_availableProcessors";

    /** Pairs of N and 2N phases; the last two give the estimates, the first settles what the JIT left. */
    private static final int PAIRS = 3;

    private CodecInstructionCount() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(args[1], args[2], Integer.parseInt(args[3]));
            return;
        }
        Map<String, String> options = options(args);
        List<String> codecs = List.of(options.getOrDefault("codecs", String.join(",", CODECS)).split(","));
        List<String> ops = List.of(options.getOrDefault("ops", String.join(",", OPS)).split(","));
        int n = Integer.parseInt(options.getOrDefault("n", "200000"));
        Path dir = Files.createTempDirectory("codec-instructions");
        System.out.println("callgrind output in " + dir + "; N = " + n);
        System.out.printf("%-12s %-18s %12s %12s%n", "codec", "op", "instr/op #1", "instr/op #2");
        for (String codec : codecs) {
            for (String op : ops) {
                if (applies(codec, op)) {
                    long[] perOp = measure(dir, codec, op, n);
                    System.out.printf(Locale.ROOT, "%-12s %-18s %12d %12d%n", codec, op, perOp[0], perOp[1]);
                }
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    /** Whether {@code codec}'s JMH class has the benchmark {@code op}: the floor only decodes. */
    private static boolean applies(String codec, String op) {
        if (!CODECS.contains(codec) || !OPS.contains(op)) {
            throw new IllegalArgumentException("unknown codec or op: " + codec + " " + op + "; codecs " + CODECS
                    + ", ops " + OPS);
        }
        return !codec.equals("floor") || op.startsWith("decode");
    }

    /** Runs one child under callgrind; returns the two per-operation estimates. */
    private static long[] measure(Path dir, String codec, String op, int n) throws IOException, InterruptedException {
        String prefix = codec + "-" + op;
        List<String> command = List.of("valgrind", "--tool=callgrind", "--dump-instr=no", "--separate-threads=yes",
                "--dump-before=" + DUMP_TRIGGER, "--callgrind-out-file=" + dir.resolve(prefix + ".%p"),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Compiles in the foreground, so that the warm-up ends with the code the JIT settled on.
                "-Xbatch", "-cp", System.getProperty("java.class.path"),
                CodecInstructionCount.class.getName(), "--child", codec, op, Integer.toString(n));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(prefix + ".log").toFile()).start();
        if (!process.waitFor(60, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(prefix + " failed, see " + dir.resolve(prefix + ".log"));
        }
        // Dump files are <prefix>.<pid>.<part>-<thread>; the last 2 * PAIRS parts before exit are the phases.
        String base = prefix + "." + process.pid() + ".";
        Map<Integer, Map<String, Long>> parts = new TreeMap<>();
        try (DirectoryStream<Path> dumps = Files.newDirectoryStream(dir, base + "*-*")) {
            for (Path dump : dumps) {
                String name = dump.getFileName().toString().substring(base.length());
                int dash = name.indexOf('-');
                parts.computeIfAbsent(Integer.parseInt(name.substring(0, dash)), k -> new TreeMap<>())
                        .put(name.substring(dash + 1), totalInstructions(dump));
            }
        }
        List<Map<String, Long>> phases = new ArrayList<>(parts.values());
        if (phases.size() < 2 * PAIRS + 1) {
            throw new IllegalStateException(prefix + ": expected " + (2 * PAIRS + 1) + " dumps, found " + phases.size());
        }
        phases = phases.subList(phases.size() - 2 * PAIRS, phases.size());
        // The benchmark's thread is the one that did the most in a 2N phase.
        String thread = phases.get(1).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        long[] counts = phases.stream().mapToLong(phase -> phase.getOrDefault(thread, 0L)).toArray();
        StringBuilder perPhase = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            perPhase.append(' ').append(Math.round(counts[i] / (double) (i % 2 == 0 ? n : 2 * n)));
        }
        Files.writeString(dir.resolve(prefix + ".phases"), "instructions per op in each phase:" + perPhase + "\n");
        int last = counts.length - 1;
        return new long[] {Math.round((counts[last - 2] - counts[last - 3]) / (double) n),
                Math.round((counts[last] - counts[last - 1]) / (double) n)};
    }

    private static long totalInstructions(Path dump) throws IOException {
        for (String line : Files.readAllLines(dump)) {
            if (line.startsWith("totals:") || line.startsWith("summary:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException("no totals in " + dump);
    }

    /** One call of a benchmark method. */
    @FunctionalInterface
    private interface Operation {
        Object run() throws Exception;
    }

    private static void child(String codec, String op, int n) throws Exception {
        if (!applies(codec, op)) {
            throw new IllegalArgumentException("the " + codec + " benchmark has no " + op);
        }
        Operation operation = bind(codec, op);
        Blackhole blackhole = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long compiled = -1;
        for (int round = 0; round < 40; round++) {
            run(operation, 20_000, blackhole);
            Thread.sleep(300);
            long now = jit.getTotalCompilationTime();
            if (round >= 4 && now == compiled) {
                break;
            }
            compiled = now;
        }
        dump();
        for (int pair = 0; pair < PAIRS; pair++) {
            run(operation, n, blackhole);
            dump();
            run(operation, 2 * n, blackhole);
            dump();
        }
    }

    private static void run(Operation operation, int count, Blackhole blackhole) throws Exception {
        for (int i = 0; i < count; i++) {
            blackhole.consume(operation.run());
        }
    }

    /** Makes callgrind dump its counters: it runs with {@code --dump-before} on this native method. */
    private static void dump() {
        Runtime.getRuntime().availableProcessors();
    }

    /** Sets up the JMH state class as JMH would and returns its benchmark method {@code op}. */
    private static Operation bind(String codec, String op) throws Exception {
        switch (codec) {
            case "ours-direct", "ours-heap" -> {
                GatewayCodecBenchmark b = new GatewayCodecBenchmark();
                b.buffer = codec.substring("ours-".length());
                b.setUp();
                return switch (op) {
                    case "encodeSubmitSm" -> b::encodeSubmitSm;
                    case "decodeSubmitSm" -> b::decodeSubmitSm;
                    case "encodeDeliverSm" -> b::encodeDeliverSm;
                    case "decodeDeliverSm" -> b::decodeDeliverSm;
                    case "encodeEnquireLink" -> b::encodeEnquireLink;
                    default -> b::decodeEnquireLink;
                };
            }
            case "jsmpp" -> {
                JsmppCodecBenchmark b = new JsmppCodecBenchmark();
                b.setUp();
                return switch (op) {
                    case "encodeSubmitSm" -> b::encodeSubmitSm;
                    case "decodeSubmitSm" -> b::decodeSubmitSm;
                    case "encodeDeliverSm" -> b::encodeDeliverSm;
                    case "decodeDeliverSm" -> b::decodeDeliverSm;
                    case "encodeEnquireLink" -> b::encodeEnquireLink;
                    default -> b::decodeEnquireLink;
                };
            }
            case "cloudhopper" -> {
                CloudhopperCodecBenchmark b = new CloudhopperCodecBenchmark();
                b.setUp();
                return switch (op) {
                    case "encodeSubmitSm" -> b::encodeSubmitSm;
                    case "decodeSubmitSm" -> b::decodeSubmitSm;
                    case "encodeDeliverSm" -> b::encodeDeliverSm;
                    case "decodeDeliverSm" -> b::decodeDeliverSm;
                    case "encodeEnquireLink" -> b::encodeEnquireLink;
                    default -> b::decodeEnquireLink;
                };
            }
            default -> {
                PduValueFloorBenchmark b = new PduValueFloorBenchmark();
                b.setUp();
                return switch (op) {
                    case "decodeSubmitSm" -> b::submitSmValue;
                    case "decodeDeliverSm" -> b::deliverSmValue;
                    default -> b::enquireLinkValue;
                };
            }
        }
    }
}
