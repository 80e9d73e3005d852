package io.smppgateway.smpp.tls;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * What a TLS server shows its clients: a certificate chain (its own certificate first) and the
 * private key of that first certificate, checked to belong together.
 *
 * @param chain the certificate, then the authorities that issued it, as the client is sent them
 * @param key   the private key of {@code chain.get(0)}
 */
public record TlsIdentity(List<X509Certificate> chain, PrivateKey key) {

    private static final byte[] PROBE = "smpp-gateway key check".getBytes(StandardCharsets.US_ASCII);

    public TlsIdentity {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a TLS identity needs a certificate");
        }
        Objects.requireNonNull(key, "key");
    }

    /**
     * Reads and checks a PEM certificate chain and a PEM private key.
     *
     * @throws TlsFileException naming the file at fault: unreadable, not PEM, encrypted, damaged, or a
     *                          key that is not the certificate's (then the key file is named)
     */
    public static TlsIdentity load(Path certificateFile, Path keyFile) {
        List<X509Certificate> chain = Certificates.read(certificateFile);
        PrivateKey key = PrivateKeys.read(keyFile);
        if (!matches(key, chain.get(0).getPublicKey())) {
            throw new TlsFileException(keyFile, "is not the private key of the certificate in " + certificateFile
                    + " (" + chain.get(0).getSubjectX500Principal().getName() + "); check that both files come"
                    + " from the same request");
        }
        return new TlsIdentity(chain, key);
    }

    /** The certificate chain as an array, the form TLS libraries take. */
    public X509Certificate[] chainArray() {
        return chain.toArray(X509Certificate[]::new);
    }

    /** Whether a signature made with {@code key} verifies with {@code publicKey}. */
    static boolean matches(PrivateKey key, PublicKey publicKey) {
        String algorithm = signatureAlgorithm(key.getAlgorithm());
        if (algorithm == null || !sameFamily(key.getAlgorithm(), publicKey.getAlgorithm())) {
            return false;
        }
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String signatureAlgorithm(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            default -> null;
        };
    }

    private static boolean sameFamily(String keyAlgorithm, String publicKeyAlgorithm) {
        return keyAlgorithm.equals(publicKeyAlgorithm)
                || (keyAlgorithm.startsWith("Ed") && publicKeyAlgorithm.startsWith("Ed"));
    }
}
