package io.smppgateway.http.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.smppgateway.http.logs.LogCatalog;
import io.smppgateway.http.logs.LogFile;
import io.smppgateway.http.logs.LogTail;
import io.smppgateway.http.web.ApiException;
import io.smppgateway.http.web.JsonResponses;
import io.smppgateway.http.web.QueryParams;
import io.smppgateway.smpp.log.LogFileLayout;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code /api/gateways/logs} and {@code /api/clients/logs}: the PDU log files of one side, listed
 * by date range and peer, and downloaded ({@code .../logs/download?files[]=<date><name>}). One file
 * comes back as text, gzip-compressed ({@code Content-Encoding: gzip}) when the client accepts gzip
 * (Python requests, Go, browsers and fetch do, and unpack it themselves; PHP curl and Java's
 * HttpClient do not ask, and get it plain); several come back as one ZIP. A file id that names
 * anything outside the log folder is a 400 and nothing is read.
 */
public final class LogsResource {

    /** Most files one download may name. */
    public static final int MAX_FILES = 100;
    /** Most bytes one tail answer holds. */
    public static final int MAX_TAIL_BYTES = 256 * 1024;

    private final LogCatalog catalog;
    private final String filterParameter;
    private final boolean numericPeers;
    private final String archiveName;

    /**
     * @param filterParameter {@code smscIds} or {@code clientIds}
     * @param numericPeers    whether peers are client ids (numbers) rather than smsc_ids
     * @param archiveName     the prefix of a ZIP's file name, e.g. {@code smsc-logs}
     */
    public LogsResource(LogCatalog catalog, String filterParameter, boolean numericPeers, String archiveName) {
        this.catalog = catalog;
        this.filterParameter = filterParameter;
        this.numericPeers = numericPeers;
        this.archiveName = archiveName;
    }

    /** {@code GET .../logs?dateFrom=2024-08-25&dateTo=2024-08-26&smscIds[]=...}: a JSON array of files. */
    public void list(HttpServerExchange exchange) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate from = date(exchange, "dateFrom", errors);
        LocalDate to = date(exchange, "dateTo", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.put("dateTo", "must not be before dateFrom");
        }
        Set<String> peers = new LinkedHashSet<>();
        for (String peer : QueryParams.list(exchange, filterParameter)) {
            if (numericPeers && !peer.matches("\\d{1,19}")) {
                errors.putIfAbsent(filterParameter, "must be numeric client ids (got '" + peer + "')");
            }
            peers.add(peer);
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("invalid log query: " + GatewayJson.describe(errors), errors);
        }
        JsonArray files = new JsonArray();
        for (LogFile file : catalog.list(from, to, peers)) {
            JsonObject json = new JsonObject();
            json.addProperty("date", LogFileLayout.DAY.format(file.date()));
            json.addProperty("name", file.name());
            json.addProperty("size", file.size());
            json.addProperty("modTime", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(file.modTime()));
            // ours: the same moment in the API's one ISO form, UTC, for the panel
            json.addProperty("modTimeUtc", IsoTimes.of(file.modTime().atZone(catalog.zone()).toInstant().toEpochMilli()));
            files.add(json);
        }
        JsonResponses.send(exchange, 200, files);
    }

    /** GET .../logs/download?files[]=2024-08-25mysmsc-id-example.log (one or several). */
    public void download(HttpServerExchange exchange) throws IOException {
        List<String> ids = QueryParams.list(exchange, "files");
        if (ids.isEmpty()) {
            throw ApiException.badRequest("name the log files to download with files[]", Map.of("files", "required"));
        }
        if (ids.size() > MAX_FILES) {
            throw ApiException.badField("files", "at most " + MAX_FILES + " files at once (got " + ids.size() + ")");
        }
        // every id's form is checked before any file is looked at, so a bad one is always a 400
        ids.forEach(catalog::check);
        List<LogFile> files = new ArrayList<>();
        for (String id : ids) {
            files.add(catalog.resolve(id));
        }
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        if (files.size() == 1) {
            sendOne(exchange, files.get(0));
        } else {
            sendZip(exchange, files);
        }
    }

    private void sendOne(HttpServerExchange exchange, LogFile file) throws IOException {
        boolean gzip = acceptsGzip(exchange.getRequestHeaders().getFirst(Headers.ACCEPT_ENCODING));
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CONTENT_DISPOSITION, "inline; filename=\"" + file.id() + "\"");
        exchange.getResponseHeaders().put(Headers.VARY, "Accept-Encoding");
        if (gzip) {
            exchange.getResponseHeaders().put(Headers.CONTENT_ENCODING, "gzip");
            try (OutputStream out = new GZIPOutputStream(exchange.getOutputStream(), 64 * 1024)) {
                Files.copy(catalog.pathOf(file), out);
            }
        } else {
            try (OutputStream out = exchange.getOutputStream()) {
                Files.copy(catalog.pathOf(file), out);
            }
        }
    }

    private void sendZip(HttpServerExchange exchange, List<LogFile> files) throws IOException {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/zip");
        exchange.getResponseHeaders().put(Headers.CONTENT_DISPOSITION,
                "attachment; filename=\"" + archiveName + "-" + LocalDate.now() + ".zip\"");
        Set<String> added = new LinkedHashSet<>();
        try (ZipOutputStream zip = new ZipOutputStream(exchange.getOutputStream())) {
            for (LogFile file : files) {
                if (!added.add(file.id())) {
                    continue;
                }
                ZipEntry entry = new ZipEntry(file.id());
                entry.setTimeLocal(file.modTime());
                zip.putNextEntry(entry);
                Files.copy(catalog.pathOf(file), zip);
                zip.closeEntry();
            }
        }
    }

    /**
     * {@code GET .../logs/tail?file=<date><name>[&from=<offset>]} (ours): at most
     * {@link #MAX_TAIL_BYTES} of one file in whole lines, the last ones or those written after
     * {@code from}, as JSON with the offset to ask from next: the panel's viewer follows a file so.
     */
    public void tail(HttpServerExchange exchange) throws IOException {
        String id = QueryParams.single(exchange, "file")
                .orElseThrow(() -> ApiException.badField("file", "required: the file id, as the download takes it"));
        Long from = null;
        Optional<String> fromText = QueryParams.single(exchange, "from");
        if (fromText.isPresent()) {
            try {
                from = Long.parseLong(fromText.get());
            } catch (NumberFormatException e) {
                from = -1L;
            }
            if (from < 0) {
                throw ApiException.badField("from", "must be a byte offset, 0 or more");
            }
        }
        catalog.check(id);
        LogFile file = catalog.resolve(id);
        LogTail tail = LogTail.read(catalog.pathOf(file), from, MAX_TAIL_BYTES);
        JsonObject json = new JsonObject();
        json.addProperty("file", file.id());
        json.addProperty("size", tail.size());
        json.addProperty("from", tail.from());
        json.addProperty("next", tail.next());
        json.addProperty("restarted", tail.restarted());
        json.addProperty("text", tail.text());
        JsonResponses.send(exchange, 200, json);
    }

    /** Whether an Accept-Encoding header admits gzip (present, and not with q=0). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.strip().split(";");
            String name = parts[0].strip().toLowerCase(Locale.ROOT);
            if (!name.equals("gzip") && !name.equals("*")) {
                continue;
            }
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace(" ", "");
                if (parameter.matches("q=0(\\.0{0,3})?")) {
                    refused = true;
                }
            }
            if (!refused) {
                return true;
            }
        }
        return false;
    }

    private static LocalDate date(HttpServerExchange exchange, String name, Map<String, String> errors) {
        Optional<String> text = QueryParams.single(exchange, name);
        if (text.isEmpty()) {
            errors.put(name, "required, as yyyy-MM-dd");
            return null;
        }
        Optional<LocalDate> date = LogFileLayout.parseDay(text.get());
        if (date.isEmpty()) {
            errors.put(name, "must be a date as yyyy-MM-dd (got '" + text.get() + "')");
            return null;
        }
        return date.get();
    }
}
