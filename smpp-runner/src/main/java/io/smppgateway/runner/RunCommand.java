package io.smppgateway.runner;

import io.smppgateway.runner.config.GatewaySettings;
import io.smppgateway.runner.config.GeneratedCredentials;
import io.smppgateway.runner.config.InvalidSettingsException;
import io.smppgateway.runner.config.SettingsReader;
import io.smppgateway.runner.daemon.GatewayDaemon;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code smpp run [--config FILE]}: reads the settings, checks all of them before anything is
 * opened, starts the gateway, and stops it on SIGTERM (or Ctrl-C) within 10 seconds, exiting 0
 * when it stopped cleanly.
 *
 * <p>Exit codes: 2 the settings are wrong (every problem is named) or a usage error; 1 a part
 * could not start (a port in use, the database unreachable), said in one line; 0 stopped on a
 * signal; 3 a thread died of an Error ({@link FatalErrors}).
 */
final class RunCommand {

    static final String USAGE_LINE = "smpp [run [--config FILE]]";
    private static final Logger log = LoggerFactory.getLogger("smpp");

    private RunCommand() {
    }

    /**
     * Validates and starts; blocks until the process is stopped. Returns only when it cannot start.
     */
    static int run(String[] args, PrintStream err, Map<String, String> environment) {
        Path explicit = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                explicit = Path.of(args[++i]);
            } else if (args[i].startsWith("--config=")) {
                explicit = Path.of(args[i].substring("--config=".length()));
            } else {
                err.println("smpp run: unexpected argument " + args[i] + "; usage: " + USAGE_LINE);
                return 2;
            }
        }
        GatewaySettings settings;
        try {
            settings = new SettingsReader(home(environment), environment, log::warn).read(explicit);
        } catch (InvalidSettingsException e) {
            err.println("smpp: cannot start: " + e.getMessage());
            return 2;
        }
        GeneratedCredentials.Completed credentials;
        try {
            credentials = new GeneratedCredentials().complete(settings.dataFolder(), settings.http());
        } catch (RuntimeException e) {
            err.println("smpp: cannot start: " + e.getMessage());
            return 1;
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
            err.println("smpp: cannot start: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return 1;
        }
        announce(settings, credentials, daemon);
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
        log.info("ready");
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
