package io.smppgateway.runner;

import io.smppgateway.runner.config.GatewaySettings;
import io.smppgateway.runner.config.InstanceMode;
import io.smppgateway.runner.config.GeneratedCredentials;
import io.smppgateway.runner.config.InvalidSettingsException;
import io.smppgateway.runner.config.SettingsReader;
import io.smppgateway.runner.daemon.GatewayDaemon;
import io.smppgateway.runner.logging.GatewayLogging;
import io.smppgateway.runner.logging.JournalStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code smpp run [--config FILE]}: reads the settings, checks all of them before anything is
 * opened, starts the gateway, and stops it on SIGTERM (or Ctrl-C) within 10 seconds, exiting 0
 * when it stopped cleanly.
 *
 * <p>Exit codes: 2 the settings are wrong (every problem is named) or a usage error; 1 a part
 * could not start (a port in use, the database unreachable), said in one line; 0 stopped on a
 * signal; 3 a thread died of an Error ({@link FatalErrors}).
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        description = {"Starts the gateway: the SMPP server, the SMPP clients to the SMSCs, the message bus, the"
            + " admin panel and REST API. Every setting is checked before anything is opened.",
            "Stops on SIGTERM or Ctrl-C within 10 seconds."},
        footer = {"", "Settings: smpp.conf beside the launcher (SMPP_HOME), the environment wins over the file"
            + " (docs/configuration.md). With no MYSQL_* and no NSQ_* key it runs on the embedded defaults.",
            "Exit codes: 0 stopped on a signal; 1 a part could not start; 2 wrong settings or a usage error;"
            + " 3 a thread died of an Error."})
final class RunCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger("smpp");

    @Option(names = "--config", paramLabel = "FILE",
            description = "The settings file. Default: smpp.conf in the launcher's folder (SMPP_HOME), if there.")
    private Path config;

    private final PrintStream err;
    private final Map<String, String> environment;

    RunCommand(PrintStream err, Map<String, String> environment) {
        this.err = err;
        this.environment = environment;
    }

    /** Validates and starts; blocks until the process is stopped. Returns only when it cannot start. */
    @Override
    public Integer call() {
        Running running = start(config, err, environment);
        if (running.exitCode() != 0) {
            return running.exitCode();
        }
        GatewayDaemon daemon = running.daemon();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            boolean clean = daemon.stop();
            System.out.flush();
            System.err.flush();
            stopped.countDown();
            // exit 0 on SIGTERM (not the JVM's 143) when everything stopped cleanly, as systemd expects
            Runtime.getRuntime().halt(clean ? 0 : 1);
        }, "smpp-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * A started gateway, or the exit code saying why it did not start ({@code daemon} is null then).
     *
     * @param daemon      the running gateway
     * @param credentials where the generated admin password and API token are, if generated
     */
    record Running(GatewayDaemon daemon, GeneratedCredentials.Completed credentials, int exitCode) {
    }

    /**
     * What {@code smpp run} does up to "ready": reads and checks the settings, completes the
     * credentials, starts the daemon and says where everything is. The caller stops the daemon.
     *
     * @param explicit the {@code --config} file, or null for smpp.conf in the launcher's folder
     */
    static Running start(Path explicit, PrintStream err, Map<String, String> environment) {
        GatewaySettings settings;
        // what the reader finds odd is logged once logging is set up as smpp.conf says (its format, its levels)
        List<String> warnings = new ArrayList<>();
        try {
            settings = new SettingsReader(home(environment), environment, warnings::add).read(explicit);
        } catch (InvalidSettingsException e) {
            warnings.forEach(log::warn);
            cannotStart(err, e.getMessage(), environment);
            return new Running(null, null, 2);
        }
        GatewayLogging.apply(settings.logging(), environment);
        warnings.forEach(log::warn);
        GeneratedCredentials.Completed credentials;
        try {
            credentials = new GeneratedCredentials().complete(settings.dataFolder(), settings.http());
        } catch (RuntimeException e) {
            cannotStart(err, e.getMessage(), environment);
            return new Running(null, null, 1);
        }
        settings = settings.withHttp(credentials.access());
        log.info("starting the SMPP gateway; settings: {}", settings.source());
        JvmOptions.exitOnOutOfMemoryAdvice().ifPresent(log::warn);
        if (settings.embeddedDefaults()) {
            log.info("embedded defaults (no MYSQL_* and no NSQ_* settings): the embedded database file and the"
                    + " in-process message bus; nothing else to install");
        }
        GatewayDaemon daemon;
        try {
            daemon = GatewayDaemon.start(settings);
        } catch (Exception e) {
            // one line, no stack trace: it says what to change (the log above has the parts that started)
            cannotStart(err, e.getMessage() != null ? e.getMessage() : e.toString(), environment);
            return new Running(null, null, 1);
        }
        announce(settings, credentials, daemon);
        return new Running(daemon, credentials, 0);
    }

    /**
     * Says why the gateway does not start, on standard error. When that is the journal, each line
     * carries the err priority ({@code <3>}), so that {@code journalctl -p err} shows it.
     */
    private static void cannotStart(PrintStream err, String reason, Map<String, String> environment) {
        String text = "smpp: cannot start: " + reason;
        if (JournalStream.isStandardError(environment)) {
            text = text.lines().map(line -> "<3>" + line).collect(java.util.stream.Collectors.joining("\n"));
        }
        err.println(text);
    }

    private static void announce(GatewaySettings settings, GeneratedCredentials.Completed credentials,
                                 GatewayDaemon daemon) {
        log.info("SMPP server: port {}{}; PDU logs: {} (ESMEs), {} (SMSCs)", daemon.smppServer().port(),
                daemon.smppServer().tlsPort() > 0 ? ", TLS port " + daemon.smppServer().tlsPort() : "",
                settings.serverLogs(), settings.clientLogs());
        log.info("admin panel and REST API: http://{}:{}/", hostName(), daemon.httpServer().port());
        if (credentials.file() != null) {
            log.info("admin user '{}'; the generated password and API token are in {} (readable by this user only)",
                    settings.http().adminUsername(), credentials.file());
        }
        log.info(modeLine(settings, daemon));
        log.info("ready");
    }

    private static String modeLine(GatewaySettings settings, GatewayDaemon daemon) {
        InstanceMode mode = InstanceMode.of(settings);
        int live;
        try {
            live = daemon.engine().liveInstances().size();
        } catch (RuntimeException e) {
            live = 1;
        }
        return mode.describe(daemon.engine().instanceId(), live);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    /**
     * The launcher's folder: {@code SMPP_HOME} (the {@code ./smpp} script sets it), else the folder
     * of the jar, else the working folder.
     */
    static Path home(Map<String, String> environment) {
        String fromLauncher = environment.get("SMPP_HOME");
        if (fromLauncher != null && !fromLauncher.isBlank()) {
            return Path.of(fromLauncher).toAbsolutePath();
        }
        try {
            Path location = Path.of(RunCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return location.getParent();
            }
        } catch (URISyntaxException | RuntimeException e) {
            // not from a jar: the working folder
        }
        return Path.of("").toAbsolutePath();
    }
}
