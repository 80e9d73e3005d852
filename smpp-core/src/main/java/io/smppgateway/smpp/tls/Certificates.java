package io.smppgateway.smpp.tls;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the X.509 certificates of a PEM file, in file order: a server's chain (its own certificate
 * first, then the intermediate authorities) or a list of trusted authorities.
 */
public final class Certificates {

    private Certificates() {
    }

    /** Every {@code CERTIFICATE} block of {@code file}; there is at least one. */
    public static List<X509Certificate> read(Path file) {
        List<PemBlock> blocks = PemBlocks.read(file);
        List<X509Certificate> certificates = new ArrayList<>();
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("this JDK has no X.509 support", e);
        }
        int index = 0;
        for (PemBlock block : blocks) {
            if (!block.label().equals("CERTIFICATE")) {
                continue;
            }
            index++;
            try {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
            } catch (CertificateException e) {
                throw new TlsFileException(file, "certificate #" + index + " is not a valid X.509 certificate"
                        + " (damaged?): " + e.getMessage(), e);
            }
        }
        if (certificates.isEmpty()) {
            boolean key = blocks.stream().anyMatch(block -> block.label().endsWith("PRIVATE KEY"));
            throw new TlsFileException(file, key
                    ? "holds a private key, not a certificate (are the certificate and key paths swapped?)"
                    : "holds no 'CERTIFICATE' block");
        }
        return List.copyOf(certificates);
    }
}
