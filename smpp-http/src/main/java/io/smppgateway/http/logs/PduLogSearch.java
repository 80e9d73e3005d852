package io.smppgateway.http.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the PDU log entries that mention some ids (a message's {@code msg_id}, the SMSC's id for
 * it) in the recent files of some peers, with the request an answer matched belongs to and the
 * answer of a matched request (same session, same sequence number). Bounded, so that no request can
 * make the server read gigabytes: only the last {@link #DAYS} days, at most {@link #MAX_FILE_BYTES}
 * from the end of each file and {@link #MAX_TOTAL_BYTES} in all, at most {@link #MAX_ENTRIES}
 * entries. Blocking file I/O: call it from a worker thread.
 */
public final class PduLogSearch {

    /** Today and the days before it that are searched. */
    public static final int DAYS = 3;
    public static final int MAX_ENTRIES = 50;
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;
    /** Longer entries are cut: no PDU decodes to more. */
    private static final int MAX_ENTRY_CHARS = 64 * 1024;
    /** Requests remembered per file to pair an answer with. */
    private static final int REQUESTS_KEPT = 512;

    /** An entry's first line: level, date and time, session, direction, hex. */
    private static final Pattern HEADER = Pattern.compile("^[A-Z]+\\[\\d{4}-\\d{2}-\\d{2} [^]]*]\\[([^]]*)]: ");
    private static final Pattern SEQUENCE = Pattern.compile("\"sequence_number\": (\\d+)");
    private static final Pattern PDU_NAME = Pattern.compile("\\n([A-Z_]+):\\n");

    private final LogCatalog catalog;
    private final ZoneId zone;

    public PduLogSearch(LogCatalog catalog, ZoneId zone) {
        this.catalog = catalog;
        this.zone = zone;
    }

    /**
     * The entries of the peers' files of the last {@link #DAYS} days that contain one of the
     * {@code needles}, by file date and name then position.
     */
    public PduLogMatches find(Set<String> peers, Set<String> needles) {
        List<String> wanted = needles.stream().filter(n -> n != null && !n.isBlank()).toList();
        if (peers.isEmpty() || wanted.isEmpty()) {
            return new PduLogMatches(List.of(), true);
        }
        LocalDate today = LocalDate.now(zone);
        List<PduLogEntry> found = new ArrayList<>();
        long budget = MAX_TOTAL_BYTES;
        boolean complete = true;
        for (LogFile file : catalog.list(today.minusDays(DAYS - 1), today, peers)) {
            if (found.size() >= MAX_ENTRIES || budget <= 0) {
                complete = false;
                break;
            }
            long from = Math.max(0, file.size() - Math.min(MAX_FILE_BYTES, budget));
            complete &= from == 0;
            budget -= file.size() - from;
            try {
                complete &= scan(file, from, wanted, found);
            } catch (NoSuchFileException gone) {
                // rotated away while we listed
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the PDU log " + file.id(), e);
            }
        }
        return new PduLogMatches(found, complete);
    }

    /** Adds the matches of one file; false when it stopped at {@link #MAX_ENTRIES}. */
    private boolean scan(LogFile file, long from, List<String> needles, List<PduLogEntry> found) throws IOException {
        Map<String, String> requests = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > REQUESTS_KEPT;
            }
        };
        EntryReader entries = new EntryReader(open(file, from));
        String awaitedAnswer = null;
        try (entries) {
            for (String entry = entries.next(); entry != null; entry = entries.next()) {
                String key = pairKey(entry);
                String name = pduName(entry);
                boolean answer = name != null && (name.endsWith("_RESP") || name.equals("GENERIC_NACK"));
                if (key != null && awaitedAnswer != null && answer && awaitedAnswer.equals(key)) {
                    found.add(new PduLogEntry(file.id(), entry));
                    awaitedAnswer = null;
                    if (found.size() >= MAX_ENTRIES) {
                        return false;
                    }
                    continue;
                }
                if (!contains(entry, needles)) {
                    if (key != null && !answer) {
                        requests.put(key, entry);
                    }
                    continue;
                }
                if (answer && key != null && requests.containsKey(key)) {
                    found.add(new PduLogEntry(file.id(), requests.remove(key)));
                }
                found.add(new PduLogEntry(file.id(), entry));
                awaitedAnswer = answer ? null : key;
                if (found.size() >= MAX_ENTRIES) {
                    return false;
                }
            }
        }
        return true;
    }

    private InputStream open(LogFile file, long from) throws IOException {
        SeekableByteChannel channel = Files.newByteChannel(catalog.pathOf(file));
        channel.position(from);
        return Channels.newInputStream(channel);
    }

    private static boolean contains(String entry, List<String> needles) {
        for (String needle : needles) {
            if (entry.contains(needle)) {
                return true;
            }
        }
        return false;
    }

    /** Session and sequence number: what pairs a request with its answer. */
    private static String pairKey(String entry) {
        Matcher header = HEADER.matcher(entry);
        Matcher sequence = SEQUENCE.matcher(entry);
        if (!header.find() || !sequence.find()) {
            return null;
        }
        return header.group(1) + "#" + sequence.group(1);
    }

    private static String pduName(String entry) {
        Matcher name = PDU_NAME.matcher(entry);
        return name.find() ? name.group(1) : null;
    }

    /** Reads a log's entries one by one; what comes before the first header (a cut entry) is skipped. */
    private static final class EntryReader implements AutoCloseable {
        private final BufferedReader lines;
        private String pendingHeader;
        private boolean started;

        EntryReader(InputStream in) {
            this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
        }

        String next() throws IOException {
            StringBuilder entry = new StringBuilder();
            if (pendingHeader != null) {
                entry.append(pendingHeader);
                pendingHeader = null;
            }
            String line;
            while ((line = lines.readLine()) != null) {
                if (HEADER.matcher(line).find()) {
                    if (started && !entry.isEmpty()) {
                        pendingHeader = line;
                        return entry.toString();
                    }
                    started = true;
                    entry.setLength(0);
                    entry.append(line);
                } else if (started && entry.length() < MAX_ENTRY_CHARS) {
                    entry.append('\n').append(line);
                }
            }
            return started && !entry.isEmpty() ? entry.toString() : null;
        }

        @Override
        public void close() throws IOException {
            lines.close();
        }
    }
}
