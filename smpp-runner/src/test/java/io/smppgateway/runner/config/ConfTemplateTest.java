package io.smppgateway.runner.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The commented {@code smpp.conf} of the distribution: it names every key once, sets none, and the
 * defaults it shows are the ones the reader applies.
 */
class ConfTemplateTest {

    private static final Pattern KEY_LINE = Pattern.compile("(?m)^#([A-Z][A-Z0-9_]*)=(.*)$");

    @TempDir
    Path home;

    @Test
    void namesEveryKeyOnceUnderItsMeaningAndSetsNone() {
        String text = ConfTemplate.text();
        List<String> keys = new ArrayList<>();
        Matcher matcher = KEY_LINE.matcher(text);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        assertEquals(Stream.of(Setting.values()).map(Setting::name).toList(), keys);

        ConfFile parsed = ConfFile.parse(text);
        assertEquals(Map.of(), parsed.values(), "the template sets a key");
        assertEquals(List.of(), parsed.lineErrors());
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (KEY_LINE.matcher(lines.get(i)).matches()) {
                String meaning = lines.get(i - 1);
                assertTrue(meaning.startsWith("# ") && meaning.length() > 10, "no meaning above " + lines.get(i));
            }
        }
        for (Setting secret : Stream.of(Setting.values()).filter(Setting::isSecret).toList()) {
            assertTrue(text.contains("\n#" + secret.name() + "=\n"), secret + " must be shown without a value");
        }
    }

    /** Each group's required keys, and which of the template's lines belong to the other groups. */
    static Stream<Arguments> groups() {
        Predicate<Setting> mysql = Setting::isMysql;
        Predicate<Setting> nsq = Setting::isNsq;
        return Stream.of(
                Arguments.of("embedded database, in-process bus", "", mysql.or(nsq)),
                Arguments.of("MySQL", "MYSQL_HOST=db.example\nMYSQL_DBNAME=smpp\nMYSQL_USERNAME=smpp\n", nsq),
                Arguments.of("NSQ", "NSQ_SMS_OUT_TOPIC=a\nNSQ_DLR_IN_TOPIC=b\nNSQ_SMS_IN_TOPIC=c\nNSQ_DLR_OUT_TOPIC=d\n",
                        mysql));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void everyDefaultItShowsIsTheDefaultTheReaderApplies(String group, String required, Predicate<Setting> otherGroup)
            throws IOException {
        StringBuilder uncommented = new StringBuilder(required);
        Matcher matcher = KEY_LINE.matcher(ConfTemplate.text());
        int shown = 0;
        while (matcher.find()) {
            Setting setting = Setting.valueOf(matcher.group(1));
            if (!matcher.group(2).isEmpty() && !otherGroup.test(setting)) {
                uncommented.append(matcher.group(1)).append('=').append(matcher.group(2)).append('\n');
                shown++;
            }
        }
        assertTrue(shown >= 8, "only " + shown + " defaults shown:\n" + uncommented);

        GatewaySettings defaults = read(required);
        GatewaySettings asShown = read(uncommented.toString());

        assertEquals(withoutSource(defaults), withoutSource(asShown), uncommented.toString());
    }

    private GatewaySettings read(String conf) throws IOException {
        Files.writeString(home.resolve("smpp.conf"), conf);
        return new SettingsReader(home, Map.of(), warning -> { }).read(null);
    }

    private static GatewaySettings withoutSource(GatewaySettings settings) {
        return new GatewaySettings(settings.home(), "", settings.database(), settings.bus(), settings.smpp(),
                settings.serverLogs(), settings.clientLogs(), settings.dataFolder(), settings.http(),
                settings.clientCa(), settings.pduLogMaxFileBytes(), settings.logging());
    }
}
