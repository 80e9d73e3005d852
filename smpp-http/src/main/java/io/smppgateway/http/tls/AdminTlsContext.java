package io.smppgateway.http.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The admin port's TLS server context, built from the PEM files {@code HTTP_SSL_CERT_PATH} and
 * {@code HTTP_SSL_KEY_PATH} with the JDK alone. The key may be PKCS#8 ({@code BEGIN PRIVATE KEY},
 * RSA or EC), PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}) or SEC1 EC ({@code BEGIN EC PRIVATE KEY}),
 * the last two as OpenSSL writes them; they are wrapped into PKCS#8 for the JDK's {@link KeyFactory}.
 * Encrypted keys are refused with a message saying how to decrypt them. The key must belong to the
 * first certificate of the chain.
 *
 * <p>Offers TLS 1.3 and 1.2 only, with forward-secret AEAD suites only ({@link #PROTOCOLS},
 * {@link #CIPHER_SUITES}): ECDHE key exchange, AES-GCM or ChaCha20-Poly1305.
 *
 * <p>smpp-core's SMPP TLS reads the same kinds of files; this reader can be replaced by a shared
 * one when core has it.
 */
public final class AdminTlsContext {

    /** The protocols offered, newest first. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** Forward-secret AEAD suites, in order of preference; those the JDK lacks are left out. */
    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private static final Pattern PEM_BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    /** rsaEncryption, 1.2.840.113549.1.1.1, with its NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    /** id-ecPublicKey, 1.2.840.10045.2.1. */
    private static final byte[] EC_PUBLIC_KEY_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02,
            0x01};

    private final SSLContext context;
    private final List<String> cipherSuites;
    private final X509Certificate certificate;

    private AdminTlsContext(SSLContext context, List<String> cipherSuites, X509Certificate certificate) {
        this.context = context;
        this.cipherSuites = List.copyOf(cipherSuites);
        this.certificate = certificate;
    }

    /**
     * Reads both files and builds the context.
     *
     * @throws IllegalArgumentException saying what is wrong with which file (unreadable, not PEM, an
     *         encrypted or unknown key, a key that does not match the certificate)
     */
    public static AdminTlsContext load(Path certificateFile, Path keyFile) {
        List<X509Certificate> chain = readChain(certificateFile);
        PrivateKey key = readKey(keyFile);
        requireMatch(chain.get(0), key, certificateFile, keyFile);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = new char[0];
            store.setKeyEntry("admin", key, password, chain.toArray(new Certificate[0]));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, new SecureRandom());
            SSLParameters supported = context.getSupportedSSLParameters();
            List<String> suites = CIPHER_SUITES.stream()
                    .filter(Arrays.asList(supported.getCipherSuites())::contains).toList();
            return new AdminTlsContext(context, suites, chain.get(0));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS with " + certificateFile + " and " + keyFile + ": "
                    + e.getMessage(), e);
        }
    }

    public SSLContext sslContext() {
        return context;
    }

    /** The suites of {@link #CIPHER_SUITES} this JDK has, to enable on every connection. */
    public List<String> cipherSuites() {
        return cipherSuites;
    }

    /** The server's own certificate (the chain's first), for the start-up log. */
    public X509Certificate certificate() {
        return certificate;
    }

    private static List<X509Certificate> readChain(Path file) {
        String text = readText(file);
        if (!text.contains("-----BEGIN CERTIFICATE-----")) {
            throw new IllegalArgumentException(file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Collection<? extends Certificate> read = factory.generateCertificates(
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : read) {
                chain.add((X509Certificate) certificate);
            }
            if (chain.isEmpty()) {
                throw new IllegalArgumentException(file + " holds no certificate");
            }
            return chain;
        } catch (CertificateException e) {
            throw new IllegalArgumentException(file + " is not a readable PEM certificate chain: " + e.getMessage(), e);
        }
    }

    private static PrivateKey readKey(Path file) {
        String text = readText(file);
        Matcher block = PEM_BLOCK.matcher(text);
        while (block.find()) {
            String type = block.group(1);
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(block.group(2));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": the " + type + " block is not valid base64", e);
            }
            switch (type) {
                case "PRIVATE KEY":
                    return pkcs8(der, file);
                case "RSA PRIVATE KEY":
                    return generate("RSA", pkcs8Of(RSA_ALGORITHM, der), file);
                case "EC PRIVATE KEY":
                    return generate("EC", pkcs8Of(ecAlgorithm(der, file), der), file);
                case "ENCRYPTED PRIVATE KEY":
                    throw new IllegalArgumentException(file + " holds an encrypted key: the gateway needs it"
                            + " unencrypted (openssl pkcs8 -in key.pem -out plain.pem), readable only by its user");
                case "EC PARAMETERS":
                    continue; // OpenSSL writes these before an EC key
                default:
                    if (type.contains("ENCRYPTED") || text.contains("Proc-Type: 4,ENCRYPTED")) {
                        throw new IllegalArgumentException(file + " holds an encrypted key: decrypt it first");
                    }
            }
        }
        if (text.contains("Proc-Type: 4,ENCRYPTED")) {
            throw new IllegalArgumentException(file + " holds an encrypted key: the gateway needs it unencrypted"
                    + " (openssl rsa -in key.pem -out plain.pem), readable only by its user");
        }
        throw new IllegalArgumentException(file + " holds no PEM private key (-----BEGIN PRIVATE KEY-----,"
                + " RSA PRIVATE KEY or EC PRIVATE KEY)");
    }

    private static PrivateKey pkcs8(byte[] der, Path file) {
        GeneralSecurityException last = null;
        for (String algorithm : List.of("RSA", "EC", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new IllegalArgumentException(file + ": the PKCS#8 key is neither RSA nor EC"
                + (last == null ? "" : " (" + last.getMessage() + ")"), last);
    }

    private static PrivateKey generate(String algorithm, byte[] pkcs8, Path file) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + ": not a valid " + algorithm + " private key: "
                    + e.getMessage(), e);
        }
    }

    /**
     * PrivateKeyInfo ::= SEQUENCE { version INTEGER 0, algorithm AlgorithmIdentifier,
     * privateKey OCTET STRING } around a PKCS#1 or SEC1 key.
     */
    static byte[] pkcs8Of(byte[] algorithmIdentifier, byte[] key) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(algorithmIdentifier);
        body.writeBytes(Der.tagged(0x04, key));
        return Der.tagged(0x30, body.toByteArray());
    }

    /**
     * The AlgorithmIdentifier {id-ecPublicKey, namedCurve} of a SEC1 key, whose curve is in its
     * {@code parameters [0]}: ECPrivateKey ::= SEQUENCE { version INTEGER 1, privateKey OCTET STRING,
     * parameters [0] ECParameters OPTIONAL, publicKey [1] BIT STRING OPTIONAL }.
     */
    private static byte[] ecAlgorithm(byte[] sec1, Path file) {
        try {
            Der.Reader key = new Der.Reader(sec1).enter(0x30);
            key.skip(0x02);
            key.skip(0x04);
            byte[] curve = key.hasNext() && key.peekTag() == 0xa0 ? key.enter(0xa0).whole(0x06) : null;
            if (curve == null) {
                throw new IllegalArgumentException(file + ": the EC key does not name its curve; convert it to"
                        + " PKCS#8 (openssl pkcs8 -topk8 -nocrypt -in key.pem -out pkcs8.pem)");
            }
            ByteArrayOutputStream identifier = new ByteArrayOutputStream();
            identifier.writeBytes(EC_PUBLIC_KEY_OID);
            identifier.writeBytes(curve);
            return Der.tagged(0x30, identifier.toByteArray());
        } catch (Der.MalformedException e) {
            throw new IllegalArgumentException(file + ": the EC PRIVATE KEY block is not a SEC1 key: "
                    + e.getMessage(), e);
        }
    }

    private static void requireMatch(X509Certificate certificate, PrivateKey key, Path certificateFile,
                                     Path keyFile) {
        PublicKey publicKey = certificate.getPublicKey();
        String keyAlgorithm = key.getAlgorithm().toUpperCase(Locale.ROOT);
        String signatureAlgorithm = keyAlgorithm.equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        if (!publicKey.getAlgorithm().equalsIgnoreCase(keyAlgorithm)) {
            throw new IllegalArgumentException(keyFile + " is an " + keyAlgorithm + " key but the certificate in "
                    + certificateFile + " is for an " + publicKey.getAlgorithm() + " key: they must be a pair");
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(signatureAlgorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(signatureAlgorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            if (!verifier.verify(signature)) {
                throw new IllegalArgumentException(keyFile + " is not the key of the certificate in "
                        + certificateFile + " (" + certificate.getSubjectX500Principal() + ")");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(keyFile + " cannot sign for the certificate in " + certificateFile
                    + ": " + e.getMessage(), e);
        }
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
