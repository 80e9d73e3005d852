package io.smppgateway.runner;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * The JVM options a gateway should run with and cannot set itself. {@code ExitOnOutOfMemoryError}
 * is not a manageable flag (it cannot be set at run time), so it is only checked: without it, an
 * OutOfMemoryError kills the thread it hits and leaves a half-working process behind instead of
 * one that exits and is restarted.
 */
final class JvmOptions {

    private JvmOptions() {
    }

    /** What to tell the operator when the JVM does not exit on OutOfMemoryError; empty when it does. */
    static Optional<String> exitOnOutOfMemoryAdvice() {
        boolean set;
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            set = hotspot != null && Boolean.parseBoolean(hotspot.getVMOption("ExitOnOutOfMemoryError").getValue());
        } catch (RuntimeException notHotspot) {
            return Optional.empty();
        }
        return set ? Optional.empty() : Optional.of("the JVM was started without -XX:+ExitOnOutOfMemoryError: out of"
                + " memory, it would keep running half-broken instead of exiting to be restarted; add it to the java"
                + " command line (the ./smpp launcher and the systemd unit in docs/operations.md have it)");
    }
}
