package io.smppgateway.bench;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Reports the CPU time the benchmark's JVM spent per operation ({@code cpu.time.norm}, ns/op,
 * garbage collection and compilation included) and the share of a core it got ({@code cpu.share}).
 *
 * <p>Our machine is shared: when other builds run, a fork gets a fraction of a core and its ops/s
 * fall with that fraction, so two benchmarks that ran minutes apart are not comparable by ops/s.
 * CPU time per operation mostly is, since it counts only the time the fork was on a core (caches
 * shared with other work still cost something). Use it with {@code -prof io.smppgateway.bench.ProcessCpuProfiler}.
 */
public final class ProcessCpuProfiler implements InternalProfiler {

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private long cpuAtStart;
    private long wallAtStart;

    @Override
    public String getDescription() {
        return "Process CPU time per operation and share of a core, for runs on a loaded machine";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuAtStart = os.getProcessCpuTime();
        wallAtStart = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long cpu = os.getProcessCpuTime() - cpuAtStart;
        long wall = System.nanoTime() - wallAtStart;
        long operations = result.getMetadata().getMeasuredOps();
        if (operations <= 0 || wall <= 0) {
            return List.of();
        }
        return List.of(
                new ScalarResult("cpu.time.norm", (double) cpu / operations, "ns/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.share", (double) cpu / wall, "cores", AggregationPolicy.AVG));
    }
}
