package io.smppgateway.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.nsq.NsqAddress;
import io.smppgateway.nsq.NsqConsumer;
import io.smppgateway.nsq.NsqConsumerConfig;
import io.smppgateway.nsq.NsqProducer;
import io.smppgateway.nsq.NsqProducerConfig;
import io.smppgateway.runner.e2e.TestServices;
import io.smppgateway.runner.tools.AppLoadCommand;
import io.smppgateway.runner.tools.LoadCommand;
import io.smppgateway.runner.tools.SimulateSmscCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/quickstart.md, step by step as it is written: the commands are read from its code blocks, in
 * order, and each is done as a user's shell would (the {@code ./smpp} commands through the same
 * command classes, the curl calls as the same HTTP requests, the examples as the same NSQ reads and
 * writes). Only the machine's ports change: the doc's 2775, 8010, 2776, 4150 and 4151 become free
 * ones and the test nsqd's, since others may run here. A line the test does not know fails it, so
 * that the doc and the test cannot drift apart; after each step the test checks what the text says
 * the user sees.
 */
class QuickstartTest {

    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```");
    private static final List<String> TOPICS = List.of("sms_out", "dlr_in", "sms_in", "dlr_out");

    @TempDir
    Path home;

    private final Map<String, String> ports = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();
    private final List<AutoCloseable> running = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private io.smppgateway.runner.daemon.GatewayDaemon daemon;
    private String token;
    private NsqAddress nsqd;

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        if (daemon != null) {
            daemon.stop();
        }
        deleteTopics();
    }

    @Test
    void everyStepShowsWhatTheQuickstartSays() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "quickstart.md"));
        nsqd = NsqAddress.parse(TestServices.nsqdTcp());
        ports.put("2775", String.valueOf(TestServices.freePort()));
        ports.put("8010", String.valueOf(TestServices.freePort()));
        ports.put("2776", String.valueOf(TestServices.freePort()));
        ports.put("4150", String.valueOf(nsqd.port()));
        ports.put("4151", TestServices.nsqdHttp().substring(TestServices.nsqdHttp().lastIndexOf(':') + 1));
        environment.put("SMPP_HOME", home.toString());
        // the doc's ports, moved: the gateway reads them from the environment, which wins over smpp.conf
        environment.put("SMPP_PORT", ports.get("2775"));
        environment.put("HTTP_PORT", ports.get("8010"));
        deleteTopics();

        List<String> done = new ArrayList<>();
        Matcher block = FENCE.matcher(doc);
        while (block.find()) {
            String language = block.group(1);
            String text = block.group(2);
            if (language.isEmpty()) {
                smppConf(text);
                done.add("smpp.conf");
                continue;
            }
            for (String command : commands(text)) {
                run(command);
                done.add(command.split("\\s")[0]);
            }
        }
        assertEquals(List.of("./smpp", "nsqd", "./smpp", "smpp.conf", "./smpp", "TOKEN=$(grep", "curl", "curl",
                "mvn", "NSQ_PORT=4150", "./smpp", "curl", "NSQ_PORT=4150", "./smpp"), done,
                "the quickstart's steps changed: check that this test still does each as the doc says");
    }

    /** The shell commands of a block: a line ending in a backslash, or in an open quote, goes on. */
    private static List<String> commands(String block) {
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : block.split("\n")) {
            if (current.isEmpty() && (line.isBlank() || line.startsWith("#"))) {
                continue;
            }
            current.append(current.isEmpty() ? "" : "\n").append(line);
            String text = current.toString();
            boolean openQuote = text.chars().filter(c -> c == '\'').count() % 2 == 1;
            if (text.endsWith("\\")) {
                current.setLength(current.length() - 1);
            } else if (!openQuote) {
                commands.add(text.strip());
                current.setLength(0);
            }
        }
        return commands;
    }

    /** The doc's port numbers, replaced by this run's. */
    private String moved(String text) {
        Matcher port = Pattern.compile("\\b(2775|2776|8010|4150|4151)\\b").matcher(text);
        return port.replaceAll(m -> ports.get(m.group(1)));
    }

    private void run(String command) throws Exception {
        List<String> words = words(moved(command));
        if (command.equals("./smpp run")) {
            startGateway();
        } else if (command.startsWith("./smpp simulate-smsc ")) {
            simulateSmsc(words.subList(2, words.size()));
        } else if (command.startsWith("./smpp app-load ")) {
            appLoad(words.subList(2, words.size()));
        } else if (command.startsWith("./smpp load ")) {
            load(words.subList(2, words.size()));
        } else if (command.startsWith("nsqd ")) {
            // the suite's nsqd (scripts/services.sh) stands in for it, on its own ports
            assertTrue(command.contains("--tcp-address=127.0.0.1:4150"), command);
        } else if (command.startsWith("TOKEN=$(grep '^HTTP_API_TOKEN=' ")) {
            Path file = home.resolve(words.get(2).replace(")", ""));
            token = Files.readAllLines(file).stream().filter(l -> l.startsWith("HTTP_API_TOKEN="))
                    .map(l -> l.substring("HTTP_API_TOKEN=".length())).findFirst().orElseThrow();
        } else if (command.startsWith("curl ")) {
            curl(words);
        } else if (command.equals("mvn -q -pl examples -am install -DskipTests")) {
            assertTrue(Files.isDirectory(Path.of("..", "examples", "src", "main", "java")));
        } else if (command.contains("-Dexec.mainClass=io.smppgateway.examples.ReadDlrs")) {
            assertTrue(command.startsWith("NSQ_PORT=4150 "), "the example reads nsqd's port as the gateway does");
            readDlrs(Integer.parseInt(command.replaceAll(".*-Dexec.args=(\\d+).*", "$1")));
        } else if (command.contains("-Dexec.mainClass=io.smppgateway.examples.AnswerWithDlr")) {
            assertTrue(command.startsWith("NSQ_PORT=4150 "), "the example reads nsqd's port as the gateway does");
            answerWithDlr();
        } else {
            fail("docs/quickstart.md has a command this test does not know; do it here as the doc says: " + command);
        }
    }

    /** Step 1 on the embedded defaults, then (after smpp.conf) step 2 on nsqd: {@code ./smpp run}. */
    private void startGateway() throws Exception {
        if (daemon != null) {
            daemon.stop();
            daemon = null;
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RunCommand.Running started = RunCommand.start(null, new PrintStream(err, true, StandardCharsets.UTF_8),
                environment);
        assertEquals(0, started.exitCode(), err.toString(StandardCharsets.UTF_8));
        daemon = started.daemon();
        if (Files.exists(home.resolve("smpp.conf"))) {
            // "It now says message bus: NSQ"
            assertTrue(daemon.settings().bus() instanceof io.smppgateway.runner.config.BusChoice.Nsq,
                    daemon.settings().bus().toString());
        } else {
            assertTrue(daemon.settings().embeddedDefaults(), "step 1 runs on the embedded defaults");
        }
        // "starts the SMPP server on port 2775 and the admin panel on http://localhost:8010/ with an
        // embedded database under data/. It prints where the generated admin password and API token are"
        assertEquals(Integer.parseInt(ports.get("2775")), daemon.smppServer().port());
        HttpResponse<String> panel = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + ports.get("8010") + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, panel.statusCode());
        assertTrue(Files.isRegularFile(home.resolve("data/generated-credentials.conf")));
        assertEquals(home.resolve("data/generated-credentials.conf"), started.credentials().file());
    }

    /** The smpp.conf block: the NSQ keys, beside ./smpp; nsqd is the suite's, on its own port. */
    private void smppConf(String text) throws Exception {
        assertTrue(text.contains("NSQ_SMS_OUT_TOPIC="), text);
        Files.writeString(home.resolve("smpp.conf"), text);
        environment.put("NSQ_HOST", nsqd.host());
        environment.put("NSQ_PORT", String.valueOf(nsqd.port()));
    }

    private void simulateSmsc(List<String> args) throws Exception {
        CompletableFuture<Void> stop = new CompletableFuture<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> SimulateSmscCommand.run(
                args.toArray(String[]::new), print, print, stop));
        running.add(() -> {
            stop.complete(null);
            assertEquals(0, exit.get(20, TimeUnit.SECONDS), out.toString(StandardCharsets.UTF_8));
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!out.toString(StandardCharsets.UTF_8).contains("SMSC simulator listening on")) {
            assertTrue(System.nanoTime() < deadline && !exit.isDone(), out.toString(StandardCharsets.UTF_8));
            Thread.sleep(20);
        }
    }

    private void curl(List<String> words) throws Exception {
        String url = null;
        String body = null;
        HttpRequest.Builder request = HttpRequest.newBuilder();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "-s" -> { }
                case "-H" -> {
                    String[] header = words.get(++i).split(":\\s*", 2);
                    request.header(header[0], header[1].replace("$TOKEN", token));
                }
                case "-d" -> body = words.get(++i);
                default -> url = word;
            }
        }
        HttpResponse<String> response = http.send(request.uri(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (url.contains("/pub?topic=")) {
            assertEquals(200, response.statusCode(), response.body());
        } else {
            // "the manual's call": the saved record comes back
            assertEquals(201, response.statusCode(), url + ": " + response.body());
        }
    }

    /** The example ReadDlrs: the first events on DLR_IN, "sent" with gateway_msg_id, then a final one. */
    private void readDlrs(int count) throws Exception {
        LinkedBlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
        try (NsqConsumer consumer = NsqConsumer.start(NsqConsumerConfig.defaults("dlr_in", "data")
                .withNsqd(List.of(nsqd)), delivery -> {
                    events.add(JsonParser.parseString(delivery.message().bodyAsString()).getAsJsonObject());
                    delivery.finish();
                })) {
            List<JsonObject> seen = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                JsonObject event = events.poll(60, TimeUnit.SECONDS);
                assertTrue(event != null, "DLR_IN events so far: " + seen);
                seen.add(event);
            }
            JsonObject sent = seen.get(0);
            assertEquals("sent", sent.get("status").getAsString(), seen.toString());
            assertEquals("074b8a96-f983-4b0b-8079-4d4c8502ff02", sent.get("msg_id").getAsString());
            assertTrue(sent.has("gateway_msg_id"), sent.toString());
            JsonObject last = seen.get(1);
            assertTrue(List.of("delivered", "undelivered").contains(last.get("status").getAsString()), seen.toString());
            assertTrue(last.has("dlr_time"), last.toString());
        }
        deleteChannel("dlr_in", "data");
    }

    private void appLoad(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AppLoadCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), home, environment);

        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8) + report);
        assertTrue(report.contains("DLR_IN sent: 100, final: 100 in "), report);
        assertTrue(report.contains("to topic 'sms_out'"), report);
    }

    /** The example AnswerWithDlr, in its own terminal: every SMS_IN answered with a DLR_OUT "delivered". */
    private void answerWithDlr() {
        NsqProducer producer = NsqProducer.start(NsqProducerConfig.defaults(List.of(nsqd)));
        NsqConsumer consumer = NsqConsumer.start(NsqConsumerConfig.defaults("sms_in", "data")
                .withNsqd(List.of(nsqd)), delivery -> {
                    JsonObject sms = JsonParser.parseString(delivery.message().bodyAsString()).getAsJsonObject();
                    JsonObject dlr = new JsonObject();
                    dlr.addProperty("client_id", sms.get("client_id").getAsLong());
                    dlr.addProperty("msg_id", sms.get("msg_id").getAsString());
                    dlr.addProperty("status", "delivered");
                    dlr.addProperty("err_code", 0);
                    producer.publish("dlr_out", dlr.toString().getBytes(StandardCharsets.UTF_8)).join();
                    delivery.finish();
                });
        running.add(producer);
        running.add(consumer);
    }

    private void load(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = LoadCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8) + report);
        assertTrue(report.contains("answered OK: 100, failed: 0"), report);
        assertTrue(report.contains("deliver_sm received: 100"), report);
    }

    /** A shell's words: spaces split, single and double quotes group (and are taken off). */
    private static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : command.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private void deleteTopics() throws Exception {
        for (String topic : TOPICS) {
            nsqdHttp("/topic/delete?topic=" + topic);
        }
    }

    private void deleteChannel(String topic, String channel) throws Exception {
        nsqdHttp("/channel/delete?topic=" + topic + "&channel=" + channel);
    }

    private void nsqdHttp(String path) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create("http://" + TestServices.nsqdHttp() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }
}
