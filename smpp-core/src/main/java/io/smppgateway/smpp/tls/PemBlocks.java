package io.smppgateway.smpp.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the blocks of a PEM file (RFC 7468) in file order. Text outside blocks is skipped, as
 * openssl does: files often carry {@code Bag Attributes} or the {@code openssl x509 -text} dump
 * above each certificate.
 */
public final class PemBlocks {

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    private PemBlocks() {
    }

    /**
     * @throws TlsFileException when the file cannot be read, holds no block, or a block is cut or
     *                          not base64
     */
    public static List<PemBlock> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new TlsFileException(file, "cannot be read: " + e.getMessage(), e);
        }
        List<PemBlock> blocks = parse(file, text);
        if (blocks.isEmpty()) {
            throw new TlsFileException(file, "is not a PEM file: no '-----BEGIN ...-----' line"
                    + " (a DER file can be converted with 'openssl x509 -inform der' or 'openssl pkey -inform der')");
        }
        return blocks;
    }

    static List<PemBlock> parse(Path file, String text) {
        List<PemBlock> blocks = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.startsWith(BEGIN) || !line.endsWith(DASHES) || line.length() < BEGIN.length() + DASHES.length()) {
                continue;
            }
            String label = line.substring(BEGIN.length(), line.length() - DASHES.length());
            int beganAt = i + 1;
            Map<String, String> headers = new LinkedHashMap<>();
            StringBuilder body = new StringBuilder();
            boolean ended = false;
            for (i++; i < lines.length; i++) {
                String inner = lines[i].strip();
                if (inner.startsWith(END)) {
                    if (!inner.equals(END + label + DASHES)) {
                        throw new TlsFileException(file, "the block '" + label + "' begun on line " + beganAt
                                + " ends with '" + inner + "' on line " + (i + 1));
                    }
                    ended = true;
                    break;
                }
                int colon = inner.indexOf(':');
                if (body.isEmpty() && colon > 0) {
                    headers.put(inner.substring(0, colon).strip(), inner.substring(colon + 1).strip());
                } else {
                    body.append(inner);
                }
            }
            if (!ended) {
                throw new TlsFileException(file, "the block '" + label + "' begun on line " + beganAt
                        + " has no '-----END " + label + "-----' line: the file is cut short");
            }
            try {
                blocks.add(new PemBlock(label, headers, Base64.getDecoder().decode(body.toString())));
            } catch (IllegalArgumentException e) {
                throw new TlsFileException(file, "the block '" + label + "' begun on line " + beganAt
                        + " is not valid base64: the file is damaged", e);
            }
        }
        return blocks;
    }
}
