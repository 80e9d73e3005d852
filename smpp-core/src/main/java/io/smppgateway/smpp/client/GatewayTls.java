package io.smppgateway.smpp.client;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.smppgateway.smpp.tls.Certificates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.TrustManagerFactory;

/**
 * Whether a gateway's binds use TLS ({@code is_secure}) and which SMSC certificates they trust.
 *
 * <ul>
 *   <li>{@link #off()}: plain TCP.</li>
 *   <li>{@link #systemTrust()}: the JDK's trusted authorities, and the certificate must name the
 *       host we connect to.</li>
 *   <li>{@link #trusting(Path, String)}: only the certificates in a PEM file (named {@code .pem}, {@code .crt},
 *       {@code .cer}, or starting with {@code -----BEGIN}) or a PKCS#12/JKS trust store, instead of the
 *       JDK's authorities, and the certificate must name the host.</li>
 *   <li>{@link #trustAnyCertificate()}: any certificate, for SMSCs with self-signed certificates; the link is
 *       encrypted but not authenticated.</li>
 * </ul>
 *
 * @param trustStore         a PEM file or key store of trusted certificates, or {@code null}
 * @param trustStorePassword the key store's password; unused for PEM
 */
public record GatewayTls(boolean enabled, boolean trustAll, Path trustStore, String trustStorePassword) {

    /** The protocol versions offered to SMSCs. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    public GatewayTls {
        if (!enabled && (trustAll || trustStore != null)) {
            throw new IllegalArgumentException("trust options need TLS enabled");
        }
        if (trustAll && trustStore != null) {
            throw new IllegalArgumentException("trust all and a trust store exclude each other");
        }
    }

    public static GatewayTls off() {
        return new GatewayTls(false, false, null, null);
    }

    public static GatewayTls systemTrust() {
        return new GatewayTls(true, false, null, null);
    }

    public static GatewayTls trustAnyCertificate() {
        return new GatewayTls(true, true, null, null);
    }

    public static GatewayTls trusting(Path trustStore, String password) {
        return new GatewayTls(true, false, trustStore, password);
    }

    /** The client TLS context, or {@code null} when TLS is off. Fails with IllegalArgumentException on a bad store. */
    public SslContext sslContext() {
        if (!enabled) {
            return null;
        }
        try {
            // The SMSC's suites are its choice; only versions older than 1.2 are refused (RFC 8996).
            SslContextBuilder builder = SslContextBuilder.forClient().protocols(PROTOCOLS);
            if (trustAll) {
                builder.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
            } else {
                builder.endpointIdentificationAlgorithm("HTTPS");
                if (trustStore != null) {
                    if (isPem(trustStore)) {
                        builder.trustManager(Certificates.read(trustStore).toArray(X509Certificate[]::new));
                    } else {
                        builder.trustManager(keyStoreTrust());
                    }
                }
            }
            return builder.build();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot set up TLS with trust store " + trustStore + ": " + e.getMessage(), e);
        }
    }

    private TrustManagerFactory keyStoreTrust() throws IOException, GeneralSecurityException {
        char[] password = trustStorePassword == null ? null : trustStorePassword.toCharArray();
        KeyStore store = KeyStore.getInstance(trustStore.toFile(), password);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory;
    }

    /** By its name, or by its first line: CA bundles are often named without an extension. */
    private static boolean isPem(Path path) throws IOException {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(path)) {
            return new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1).contains("-----BEGIN ");
        }
    }
}
