package io.smppgateway.persistence;

import io.smppgateway.persistence.cluster.JdbiClusterStore;
import io.smppgateway.persistence.config.JdbiConfigVersion;
import io.smppgateway.store.ConfigVersion;
import io.smppgateway.store.GatewayStores;
import io.smppgateway.store.cluster.ClusterStore;
import io.smppgateway.store.PersistenceException;
import io.smppgateway.store.WriteStats;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.smppgateway.persistence.batch.GroupCommitQueue;
import io.smppgateway.persistence.batch.QueryRunner;
import io.smppgateway.persistence.batch.SqlDialect;
import io.smppgateway.store.client.ClientStore;
import io.smppgateway.persistence.client.JdbiClientStore;
import io.smppgateway.store.gateway.GatewayStore;
import io.smppgateway.persistence.gateway.JdbiGatewayStore;
import io.smppgateway.store.inbound.InboundTracking;
import io.smppgateway.persistence.inbound.JdbiInboundTracking;
import io.smppgateway.persistence.outbound.JdbiOutboundTracking;
import io.smppgateway.store.outbound.OutboundTracking;
import io.smppgateway.persistence.receipt.JdbiPendingReceipts;
import io.smppgateway.store.receipt.PendingReceipts;
import io.smppgateway.persistence.retention.JdbiRetention;
import io.smppgateway.persistence.retention.Retention;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module's entry point: opens MySQL/MariaDB or the embedded database, applies the schema
 * migrations, and hands out the stores. Close it to commit what is queued and release the pool.
 *
 * <pre>{@code
 * try (Database db = Database.embedded(Path.of("data/smpp"))) {
 *     db.outbound().record(sentSegment).thenAccept(stored -> ...);
 * }
 * }</pre>
 *
 * <p>The embedded database is H2 in MySQL mode, one file ({@code <path>.mv.db}), running the same
 * migrations as MySQL and MariaDB; each commit is written through to the file, so a killed
 * process keeps every committed row.
 */
public final class Database implements GatewayStores, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final String description;
    private final HikariDataSource dataSource;
    private final HikariDataSource writerSource;
    private final GroupCommitQueue writes;
    private final QueryRunner queries;
    private final ScheduledExecutorService scheduler;
    private final GatewayStore gateways;
    private final ClientStore clients;
    private final ClusterStore cluster;
    private final ConfigVersion configVersion;
    private final OutboundTracking outbound;
    private final InboundTracking inbound;
    private final PendingReceipts pendingReceipts;
    private final Retention retention;

    private Database(String description, HikariDataSource dataSource, HikariDataSource writerSource,
                     SqlDialect dialect, StoreOptions options) {
        this.description = description;
        this.dataSource = dataSource;
        this.writerSource = writerSource;
        try {
            MigrateResult migrated = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            log.info("{}: schema at version {} ({} migrations applied now)", description,
                    migrated.targetSchemaVersion, migrated.migrationsExecuted);
        } catch (RuntimeException e) {
            writerSource.close();
            dataSource.close();
            throw new PersistenceException(description + ": schema migration failed: " + e.getMessage(), e);
        }
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        this.writes = new GroupCommitQueue(writerJdbi(writerSource), "smpp-persistence", options.writerLanes(),
                options.laneCapacity(), options.maxBatch());
        this.queries = new QueryRunner(jdbi, "smpp-persistence", options.queryThreads(), options.queryQueueCapacity());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "smpp-persistence-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        this.gateways = new JdbiGatewayStore(jdbi, options.clock());
        this.clients = new JdbiClientStore(jdbi, options.clock());
        this.cluster = new JdbiClusterStore(jdbi);
        this.configVersion = new JdbiConfigVersion(jdbi);
        this.outbound = new JdbiOutboundTracking(writes, queries, scheduler, options.receiptLookupWindow(),
                options.recentSegments(), dialect);
        this.inbound = new JdbiInboundTracking(writes, queries);
        this.pendingReceipts = new JdbiPendingReceipts(writes, queries, options.pendingReceiptsPerClient());
        this.retention = new JdbiRetention(jdbi, queries, options.clock(), options.retention(), options.purgeBatch());
        if (!options.purgeInterval().isZero()) {
            long every = options.purgeInterval().toMillis();
            scheduler.scheduleWithFixedDelay(this::purgeQuietly, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Opens a MySQL 8 or MariaDB 10.11+ database (through Connector/J) and migrates it. */
    public static Database mysql(MysqlConfig config) {
        return mysql(config, StoreOptions.defaults());
    }

    public static Database mysql(MysqlConfig config, StoreOptions options) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("smpp-mysql");
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.username());
        hikari.setPassword(config.password());
        // Row locks only, no gap locks: the writer lanes lock the segments they mark with
        // SELECT ... FOR UPDATE over IN lists, which under REPEATABLE READ would also lock the gaps
        // between ids and block the other lanes' inserts there. H2's default is the same level.
        hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        Map<String, String> properties = new LinkedHashMap<>();
        // one round trip and one statement per JDBC batch: inserts, and the upserts by primary key that
        // the message path uses for its updates, become one multi-row INSERT
        properties.put("rewriteBatchedStatements", "true");
        // the message path's statements come in a few dozen shapes of up to ~11,000 characters
        // (see Placeholders); the driver parses each text once and keeps the parse here
        properties.put("cachePrepStmts", "true");
        properties.put("prepStmtCacheSize", "250");
        properties.put("prepStmtCacheSqlLimit", "16384");
        // ... and prepares each shape once on the server too: an execution then sends its values in
        // binary, without the driver escaping every string into the statement text or the server
        // parsing it again (about a fifth less server CPU per segment in MessagePathBenchmark)
        properties.put("useServerPrepStmts", "true");
        properties.put("characterEncoding", "UTF-8");
        properties.put("connectionCollation", "utf8mb4_bin");
        properties.put("connectionTimeZone", "UTC");
        properties.put("tcpKeepAlive", "true");
        // the driver keeps autocommit and isolation in step itself, so setting them to what they
        // already are sends nothing (the writers' connections stay out of autocommit)
        properties.put("useLocalSessionState", "true");
        properties.putAll(config.driverProperties());
        properties.forEach(hikari::addDataSourceProperty);
        return open("MySQL " + config, hikari, SqlDialect.MYSQL, options);
    }

    /**
     * Opens (creating if needed) the embedded database in the file {@code <path>.mv.db}, e.g.
     * {@code Database.embedded(dataDir.resolve("smpp"))}, and migrates it.
     */
    public static Database embedded(Path path) {
        return embedded(path, StoreOptions.defaults());
    }

    public static Database embedded(Path path, StoreOptions options) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + absolute, e);
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("smpp-embedded");
        // MODE=MySQL runs the MySQL migrations and statements; WRITE_DELAY=0 writes each commit
        // through, so a killed process loses nothing it committed; the pool, not a JVM hook, closes it.
        hikari.setJdbcUrl("jdbc:h2:file:" + absolute + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE"
                + ";CASE_INSENSITIVE_IDENTIFIERS=TRUE;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000");
        hikari.setUsername("sa");
        hikari.setPassword("");
        try {
            return open("embedded " + absolute + ".mv.db", hikari, SqlDialect.H2, options);
        } catch (PersistenceException e) {
            if (EmbeddedDatabaseInUseException.isInUse(e)) {
                throw new EmbeddedDatabaseInUseException(Path.of(absolute + ".mv.db"), e);
            }
            throw e;
        }
    }

    /**
     * Opens two pools on the same database: one for everything but the group-commit writers, and
     * one for the writers whose connections stay out of autocommit. Every writer batch is one
     * transaction, so a connection that never leaves it saves the two {@code SET autocommit}
     * round trips per transaction that switching in and out costs (at a thousand messages a
     * second a transaction holds two or three of them, so those were half its statements).
     */
    private static Database open(String description, HikariConfig hikari, SqlDialect dialect, StoreOptions options) {
        HikariConfig writers = new HikariConfig();
        hikari.copyStateTo(writers);
        writers.setPoolName(hikari.getPoolName() + "-writers");
        writers.setMaximumPoolSize(options.writerLanes());
        writers.setAutoCommit(false);
        hikari.setMaximumPoolSize(options.queryThreads() + 2);
        HikariDataSource dataSource;
        HikariDataSource writerSource;
        try {
            dataSource = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new PersistenceException(description + ": cannot connect: " + e.getMessage(), e);
        }
        try {
            writerSource = new HikariDataSource(writers);
        } catch (RuntimeException e) {
            dataSource.close();
            throw new PersistenceException(description + ": cannot connect: " + e.getMessage(), e);
        }
        return new Database(description, dataSource, writerSource, dialect, options);
    }

    /**
     * JDBI on the writers' pool: a transaction begins and ends on a connection already out of
     * autocommit, and a handle closed between batches has nothing open (the batch committed or
     * rolled back), which JDBI cannot tell from the autocommit flag, so it does not check.
     */
    private static Jdbi writerJdbi(HikariDataSource writerSource) {
        Jdbi jdbi = Jdbi.create(writerSource);
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        jdbi.getConfig(Handles.class).setForceEndTransactions(false);
        return jdbi;
    }

    private void purgeQuietly() {
        try {
            var report = retention.purge().get();
            if (report.outboundRows() + report.inboundRows() > 0) {
                log.info("{}: purged {} outbound and {} inbound tracking rows", description,
                        report.outboundRows(), report.inboundRows());
            }
        } catch (Exception e) {
            log.warn("{}: purge failed: {}", description, e.toString());
        }
    }

    /** Which database this is, without credentials, for the startup log and the health check. */
    @Override
    public String description() {
        return description;
    }

    @Override
    public GatewayStore gateways() {
        return gateways;
    }

    @Override
    public ClientStore clients() {
        return clients;
    }

    @Override
    public OutboundTracking outbound() {
        return outbound;
    }

    @Override
    public InboundTracking inbound() {
        return inbound;
    }

    @Override
    public PendingReceipts pendingReceipts() {
        return pendingReceipts;
    }

    @Override
    public ClusterStore cluster() {
        return cluster;
    }

    @Override
    public ConfigVersion configVersion() {
        return configVersion;
    }

    public Retention retention() {
        return retention;
    }

    /** What the group-commit writer has done so far and what waits. */
    @Override
    public WriteStats writeStats() {
        return new WriteStats(writes.committedBatches(), writes.committedWorks(), writes.pending(), writes.capacity());
    }

    /** Commits what is queued, stops the module's threads and closes the pool. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        writes.close();
        queries.close();
        writerSource.close();
        dataSource.close();
        log.info("{}: closed", description);
    }
}
