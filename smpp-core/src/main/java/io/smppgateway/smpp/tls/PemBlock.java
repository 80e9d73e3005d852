package io.smppgateway.smpp.tls;

import java.util.Map;

/**
 * One {@code -----BEGIN label-----} ... {@code -----END label-----} block of a PEM file (RFC 7468),
 * decoded.
 *
 * @param label   what the block holds: {@code CERTIFICATE}, {@code PRIVATE KEY}, {@code RSA PRIVATE KEY}...
 * @param headers the RFC 1421 headers some legacy blocks carry ({@code Proc-Type: 4,ENCRYPTED}); usually empty
 * @param der     the base64 body, decoded
 */
public record PemBlock(String label, Map<String, String> headers, byte[] der) {

    public PemBlock {
        headers = Map.copyOf(headers);
        der = der.clone();
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    /** Whether the legacy headers say the body is encrypted ({@code openssl genrsa -aes256}). */
    public boolean encryptedByHeaders() {
        return headers.getOrDefault("Proc-Type", "").contains("ENCRYPTED");
    }
}
