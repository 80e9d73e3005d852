package io.smppgateway.http;

import io.smppgateway.http.api.ClientsResource;
import io.smppgateway.http.api.DaemonLogResource;
import io.smppgateway.http.api.GatewaysResource;
import io.smppgateway.http.api.HealthResource;
import io.smppgateway.http.api.InstancesResource;
import io.smppgateway.http.api.LogsResource;
import io.smppgateway.http.api.MessagesResource;
import io.smppgateway.http.api.OpenApiResource;
import io.smppgateway.http.api.StatsResource;
import io.smppgateway.http.api.TrafficResource;
import io.smppgateway.http.auth.AdminSessions;
import io.smppgateway.http.auth.ApiAuth;
import io.smppgateway.http.auth.LoginEndpoints;
import io.smppgateway.http.auth.LoginThrottle;
import io.smppgateway.http.auth.Secret;
import io.smppgateway.http.logs.LogCatalog;
import io.smppgateway.http.logs.PduLogSearch;
import io.smppgateway.http.metrics.GatewayRegistry;
import io.smppgateway.http.metrics.MetricsListener;
import io.smppgateway.http.metrics.MetricsResource;
import io.smppgateway.http.tls.AdminTlsContext;
import io.smppgateway.http.web.BufferedBodies;
import io.smppgateway.http.web.ForwardedClientAddress;
import io.smppgateway.http.web.JsonResponses;
import io.smppgateway.http.web.PanelFiles;
import io.smppgateway.http.web.RequestScheme;
import io.smppgateway.http.web.SecurityHeaders;
import io.smppgateway.http.web.Workers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.Options;
import org.xnio.Sequence;

/**
 * The gateway's HTTP side: the manual's REST API under {@code /api}, {@code /metrics}, and the
 * admin panel at the root, on Undertow; and, when {@link HttpConfig#metricsAddress()} says where,
 * a second listener with {@code /metrics} alone and without the token ({@link MetricsListener}).
 *
 * <pre>{@code
 * try (AdminHttpServer http = AdminHttpServer.start(HttpConfig.of(token, admin, password), backend)) {
 *     int port = http.port();
 * }
 * }</pre>
 *
 * <p>Undertow's I/O threads only parse, authenticate and hand over: store calls, file reads and
 * waits for the runtime run on a bounded worker pool ({@link Workers}).
 */
public final class AdminHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AdminHttpServer.class);

    /** Login only compares two secrets: a couple of threads serve many logins a second. */
    private static final int LOGIN_THREADS = 2;
    private static final int LOGIN_QUEUE = 64;
    /** How long {@code /api/messages} waits for the bus or the stores. */
    private static final Duration MESSAGE_TIMEOUT = Duration.ofSeconds(10);

    private final Undertow undertow;
    private final MetricsListener metricsListener;
    private final List<Workers> workers;
    private final List<Route> routes;

    private AdminHttpServer(Undertow undertow, MetricsListener metricsListener, List<Workers> workers,
                            List<Route> routes) {
        this.undertow = undertow;
        this.metricsListener = metricsListener;
        this.workers = workers;
        this.routes = List.copyOf(routes);
    }

    /** Starts listening; the server stops with {@link #close()}. */
    public static AdminHttpServer start(HttpConfig config, HttpBackend backend) {
        Workers workers = new Workers(config.workerThreads(), config.workerQueue());
        // logins have their own few threads, so a flood of them cannot take the API's workers
        Workers loginWorkers = new Workers(LOGIN_THREADS, LOGIN_QUEUE);
        AdminSessions sessions = new AdminSessions(config.sessionIdleTimeout(), System::nanoTime);
        ApiAuth auth = new ApiAuth(new Secret(config.apiToken()), sessions);
        Router router = new Router(workers, loginWorkers, auth, config.maxBodyBytes());

        GatewaysResource gateways = new GatewaysResource(backend, config.liveChangeTimeout(), config.maxBodyBytes());
        ClientsResource clients = new ClientsResource(backend, config.liveChangeTimeout(), config.maxBodyBytes());
        LogCatalog gatewayLogFiles = new LogCatalog(backend.logs().gateways(), config.zone());
        LogCatalog clientLogFiles = new LogCatalog(backend.logs().clients(), config.zone());
        LogsResource gatewayLogs = new LogsResource(gatewayLogFiles, "smscIds", false, "smsc-logs");
        LogsResource clientLogs = new LogsResource(clientLogFiles, "clientIds", true, "esme-logs");
        MessagesResource messages = new MessagesResource(backend, new PduLogSearch(gatewayLogFiles, config.zone()),
                new PduLogSearch(clientLogFiles, config.zone()), MESSAGE_TIMEOUT, config.maxBodyBytes());
        HealthResource health = new HealthResource(backend.health(), Duration.ofSeconds(5));
        StatsResource stats = new StatsResource(backend);
        TrafficResource traffic = new TrafficResource(backend);
        InstancesResource instances = new InstancesResource(backend.connections());
        MetricsResource metrics = new MetricsResource(GatewayRegistry.of(backend));
        OpenApiResource openApi = new OpenApiResource();
        LoginEndpoints login = new LoginEndpoints(config.adminUsername(), config.adminPassword(), sessions,
                new LoginThrottle(System::nanoTime), auth, config.maxBodyBytes());

        router.api("GET", "/api/gateways", gateways::list);
        router.api("POST", "/api/gateways", gateways::create);
        router.api("PUT", "/api/gateways", gateways::update);
        router.api("GET", "/api/gateways/logs", gatewayLogs::list);
        router.api("GET", "/api/gateways/logs/download", gatewayLogs::download);
        router.api("GET", "/api/gateways/logs/tail", gatewayLogs::tail);
        router.api("GET", "/api/gateways/{id}", gateways::get);
        router.api("PUT", "/api/gateways/{id}", gateways::update);
        router.api("DELETE", "/api/gateways/{id}", gateways::delete);
        router.api("GET", "/api/clients", clients::list);
        router.api("POST", "/api/clients", clients::create);
        router.api("PUT", "/api/clients", clients::update);
        router.api("GET", "/api/clients/logs", clientLogs::list);
        router.api("GET", "/api/clients/logs/download", clientLogs::download);
        router.api("GET", "/api/clients/logs/tail", clientLogs::tail);
        router.api("GET", "/api/clients/{id}", clients::get);
        router.api("PUT", "/api/clients/{id}", clients::update);
        router.api("DELETE", "/api/clients/{id}", clients::delete);
        router.api("GET", "/api/logs/daemon", new DaemonLogResource(backend.daemonLog())::recent);
        router.api("POST", "/api/messages", messages::send);
        router.api("GET", "/api/messages", messages::search);
        router.api("GET", "/api/messages/{msg_id}", messages::get);
        router.api("GET", "/api/health", health::check);
        for (String method : List.of("GET", "HEAD")) {
            router.onIoThread(method, "/livez", HealthResource::live);
            router.open(method, "/readyz", health::ready);
        }
        router.api("GET", "/api/stats", stats::stats);
        router.api("GET", "/api/traffic", traffic::traffic);
        router.api("GET", "/api/instances", instances::list);
        router.api("GET", "/api/openapi.json", openApi::send);
        router.api("GET", "/metrics", metrics::send);
        router.login("POST", "/auth/login", login::login);
        router.open("POST", "/auth/logout", login::logout);
        router.open("GET", "/auth/session", login::current);

        HttpHandler root = new ForwardedClientAddress(config.trustedProxies(), new RequestScheme(
                config.trustedProxies(), new SecurityHeaders(router.handler(new PanelFiles(AdminHttpServer::notFound)))));
        ConnectionLimits limits = config.limits();
        Undertow.Builder builder = Undertow.builder();
        AdminTlsContext tls = null;
        if (config.isTls()) {
            try {
                tls = AdminTlsContext.load(config.tls().certificate(), config.tls().key());
            } catch (RuntimeException e) {
                workers.close();
                loginWorkers.close();
                throw e;
            }
            builder.addHttpsListener(config.port(), config.host(), tls.sslContext())
                    .setSocketOption(Options.SSL_ENABLED_PROTOCOLS, Sequence.of(AdminTlsContext.PROTOCOLS))
                    .setSocketOption(Options.SSL_ENABLED_CIPHER_SUITES, Sequence.of(tls.cipherSuites()));
        } else {
            builder.addHttpListener(config.port(), config.host());
        }
        Undertow undertow = builder
                // one I/O thread: XNIO splits the connection limit per I/O thread, and its token
                // balancing between threads can leave a thread that gave its token away never
                // accepting again after it reached the limit; the admin port needs no more
                .setIoThreads(1)
                .setWorkerThreads(2)
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, 16 * 1024)
                .setServerOption(UndertowOptions.MAX_PARAMETERS, 1000)
                .setServerOption(UndertowOptions.ALWAYS_SET_DATE, true)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, millis(limits.requestParseTimeout()))
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, millis(limits.noRequestTimeout()))
                .setServerOption(UndertowOptions.IDLE_TIMEOUT, millis(limits.idleTimeout()))
                .setSocketOption(Options.READ_TIMEOUT, millis(limits.readTimeout()))
                .setSocketOption(Options.CONNECTION_HIGH_WATER, limits.maxConnections())
                .setSocketOption(Options.CONNECTION_LOW_WATER, limits.resumeAcceptingAt())
                .setSocketOption(Options.BALANCING_TOKENS, -1)
                .setHandler(root)
                .build();
        try {
            undertow.start();
        } catch (RuntimeException e) {
            workers.close();
            loginWorkers.close();
            throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
        MetricsListener metricsListener = null;
        if (config.metricsAddress() != null) {
            try {
                metricsListener = MetricsListener.start(config.metricsAddress(), metrics, workers, limits);
            } catch (RuntimeException e) {
                undertow.stop();
                workers.close();
                loginWorkers.close();
                throw e;
            }
            log.info("GET /metrics without the API token on {}:{} (SMPP_METRICS_ADDRESS)",
                    config.metricsAddress().host(), metricsListener.port());
        }
        AdminHttpServer server = new AdminHttpServer(undertow, metricsListener, List.of(workers, loginWorkers),
                router.routes());
        if (tls != null) {
            log.info("HTTP API and admin panel listening on {}:{}, HTTPS only, certificate {} valid until {}",
                    config.host(), server.port(), tls.certificate().getSubjectX500Principal(),
                    tls.certificate().getNotAfter().toInstant());
        } else {
            log.info("HTTP API and admin panel listening on {}:{} (plain HTTP{})", config.host(), server.port(),
                    config.trustedProxies().isEmpty() ? "" : ", HTTPS via the proxies " + config.trustedProxies());
        }
        return server;
    }

    /** The port it listens on (the one picked when the config said 0). */
    public int port() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** The port of the token-free {@code /metrics} listener, when {@link HttpConfig#metricsAddress()} asked for one. */
    public OptionalInt metricsPort() {
        return metricsListener == null ? OptionalInt.empty() : OptionalInt.of(metricsListener.port());
    }

    /** Every endpoint it answers on its main port, method and path template. */
    public List<Route> routes() {
        return routes;
    }

    @Override
    public void close() {
        if (metricsListener != null) {
            metricsListener.close();
        }
        undertow.stop();
        workers.forEach(Workers::close);
    }

    private static int millis(Duration duration) {
        return (int) duration.toMillis();
    }

    private static void notFound(HttpServerExchange exchange) {
        String path = exchange.getRelativePath();
        if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/auth/") || path.equals("/metrics")) {
            JsonResponses.error(exchange, 404, "no such endpoint: " + exchange.getRequestMethod() + " " + path,
                    Map.of());
            return;
        }
        exchange.setStatusCode(404);
        exchange.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send("Not found");
    }

    /**
     * Collects the routes, each behind authentication (API), a body read without blocking, and the
     * worker pool.
     */
    private static final class Router {
        private final RoutingHandler routing = new RoutingHandler();
        private final Workers workers;
        private final Workers loginWorkers;
        private final ApiAuth auth;
        private final int maxBodyBytes;
        private final List<Route> routes = new ArrayList<>();

        Router(Workers workers, Workers loginWorkers, ApiAuth auth, int maxBodyBytes) {
            this.workers = workers;
            this.loginWorkers = loginWorkers;
            this.auth = auth;
            this.maxBodyBytes = maxBodyBytes;
        }

        void api(String method, String path, Workers.BlockingHandler handler) {
            routing.add(method, path, auth.protect(new BufferedBodies(maxBodyBytes, workers.blocking(handler))));
            routes.add(new Route(method, path));
        }

        void open(String method, String path, Workers.BlockingHandler handler) {
            routing.add(method, path, new BufferedBodies(maxBodyBytes, workers.blocking(handler)));
            routes.add(new Route(method, path));
        }

        /** Answered on the I/O thread, without a worker: for what must answer however busy the workers are. */
        void onIoThread(String method, String path, HttpHandler handler) {
            routing.add(method, path, handler);
            routes.add(new Route(method, path));
        }

        void login(String method, String path, Workers.BlockingHandler handler) {
            routing.add(method, path, new BufferedBodies(maxBodyBytes, loginWorkers.blocking(handler)));
            routes.add(new Route(method, path));
        }

        List<Route> routes() {
            return routes;
        }

        HttpHandler handler(HttpHandler fallback) {
            routing.setFallbackHandler(fallback);
            routing.setInvalidMethodHandler(exchange -> JsonResponses.error(exchange, 405,
                    exchange.getRequestMethod() + " is not allowed on " + exchange.getRelativePath(), Map.of()));
            return exchange -> {
                String path = exchange.getRelativePath();
                // "/api/gateways/" is "/api/gateways"
                if (path.length() > 1 && path.endsWith("/") && !path.equals("/")) {
                    exchange.setRelativePath(path.substring(0, path.length() - 1));
                }
                routing.handleRequest(exchange);
            };
        }
    }
}
