package io.smppgateway.store.gateway;

import java.util.List;

/** The SMPP versions a gateway may speak, as the manual writes them. */
final class SmppVersions {

    static final List<String> ALL = List.of("3.3", "3.4", "5.0");

    private SmppVersions() {
    }

    /** "3.4", or the manual's own typo "3,4", becomes "3.4"; anything else stays as given (and is refused). */
    static String normalise(String version) {
        if (version == null) {
            return null;
        }
        String dotted = version.trim().replace(',', '.');
        return ALL.contains(dotted) ? dotted : version;
    }
}
