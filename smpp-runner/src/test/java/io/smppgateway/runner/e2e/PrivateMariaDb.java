package io.smppgateway.runner.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of the test's own, started as scripts/services.sh starts the shared one (its
 * own data folder, 127.0.0.1 on a free port, the {@code smpp} user), so that the test may stop
 * and start it again under a running gateway, as an operator restarting the database does. The
 * binaries are found on the PATH or in /usr/sbin, as services.sh finds them.
 */
public final class PrivateMariaDb implements AutoCloseable {

    private final Path folder;
    private final int port = TestServices.freePort();
    private Process process;

    private PrivateMariaDb(Path folder) {
        this.folder = folder;
    }

    /** Initialises a data folder under {@code folder}, starts the server and creates {@code database}. */
    public static PrivateMariaDb start(Path folder, String database) throws IOException, InterruptedException {
        PrivateMariaDb db = new PrivateMariaDb(folder);
        Files.createDirectories(folder.resolve("data"));
        Files.createDirectories(folder.resolve("tmp"));
        run(List.of(binary("mariadb-install-db", "mysql_install_db"), "--no-defaults",
                "--datadir=" + folder.resolve("data"), "--user=" + System.getProperty("user.name"),
                "--auth-root-authentication-method=normal", "--skip-test-db"), folder.resolve("install.log"));
        db.startProcess();
        run(List.of(binary("mariadb", "mysql"), "--no-defaults", "--socket=" + db.socket(), "-uroot", "-e",
                "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;"
                        + " CREATE USER 'smpp'@'127.0.0.1' IDENTIFIED BY 'smpp';"
                        + " GRANT ALL PRIVILEGES ON *.* TO 'smpp'@'127.0.0.1'; FLUSH PRIVILEGES;"),
                folder.resolve("setup.log"));
        return db;
    }

    public int port() {
        return port;
    }

    private Path socket() {
        return folder.resolve("mysqld.sock");
    }

    private void startProcess() throws IOException {
        process = new ProcessBuilder(List.of(binary("mariadbd", "mysqld"), "--no-defaults",
                "--datadir=" + folder.resolve("data"), "--tmpdir=" + folder.resolve("tmp"),
                "--user=" + System.getProperty("user.name"), "--bind-address=127.0.0.1", "--port=" + port,
                "--socket=" + socket(), "--pid-file=" + folder.resolve("mariadbd.pid"), "--skip-log-bin",
                "--innodb-buffer-pool-size=64M", "--max-connections=200",
                "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("mariadbd.log").toFile())).start();
        Awaiting.until(60, this::answers, () -> "MariaDB did not answer on " + socket() + "; see "
                + folder.resolve("mariadbd.log"));
    }

    /** SIGTERM (a clean shutdown: InnoDB flushes), {@code downMillis} down, then the same server again. */
    public void restart(long downMillis) throws IOException, InterruptedException {
        stop();
        Thread.sleep(downMillis);
        startProcess();
    }

    private boolean answers() {
        if (!process.isAlive()) {
            throw new IllegalStateException("mariadbd exited with " + process.exitValue() + "; see "
                    + folder.resolve("mariadbd.log"));
        }
        try {
            Process ping = new ProcessBuilder(List.of(binary("mariadb", "mysql"), "--no-defaults",
                    "--socket=" + socket(), "-uroot", "-e", "SELECT 1")).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return ping.waitFor(10, TimeUnit.SECONDS) && ping.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed; see " + log);
        }
    }

    private static String binary(String... names) {
        for (String name : names) {
            for (String dir : (System.getenv("PATH") + ":/usr/sbin:/usr/bin").split(":")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        throw new IllegalStateException("none of " + List.of(names) + " is installed: scripts/services.sh start"
                + " installs MariaDB");
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            stop();
        }
    }
}
