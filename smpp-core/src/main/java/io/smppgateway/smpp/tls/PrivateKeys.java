package io.smppgateway.smpp.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;

/**
 * Reads the private key of a PEM file in the forms operators' tools write, with the JDK alone:
 *
 * <ul>
 *   <li>{@code BEGIN PRIVATE KEY}: PKCS#8 (RFC 5208), RSA, EC or Ed25519; what OpenSSL 3 writes;</li>
 *   <li>{@code BEGIN RSA PRIVATE KEY}: PKCS#1 (RFC 8017 A.1.2), what {@code openssl genrsa} of
 *       OpenSSL 1.x and many certificate authorities' portals write;</li>
 *   <li>{@code BEGIN EC PRIVATE KEY}: SEC1 (RFC 5915), what {@code openssl ecparam -genkey} writes;
 *       a {@code BEGIN EC PARAMETERS} block before it is skipped.</li>
 * </ul>
 *
 * PKCS#1 and SEC1 are rewrapped as PKCS#8, the one form the JDK's {@link KeyFactory} reads:
 *
 * <pre>
 * PrivateKeyInfo ::= SEQUENCE {
 *   version             INTEGER 0,
 *   privateKeyAlgorithm SEQUENCE { algorithm OID, parameters },  -- rsaEncryption + NULL,
 *                                                                 -- or id-ecPublicKey + the curve's OID
 *   privateKey          OCTET STRING }                            -- the PKCS#1 or SEC1 DER, as it is
 * </pre>
 *
 * Encrypted keys are refused with the command that decrypts them: the gateway starts unattended,
 * with no one to type a pass phrase.
 */
public final class PrivateKeys {

    /** 1.2.840.113549.1.1.1 rsaEncryption. */
    private static final byte[] RSA_ENCRYPTION = {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01};
    /** 1.2.840.10045.2.1 id-ecPublicKey. */
    private static final byte[] EC_PUBLIC_KEY = {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
    private static final String[] PKCS8_ALGORITHMS = {"RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS"};

    private PrivateKeys() {
    }

    /** The one private key in {@code file}. */
    public static PrivateKey read(Path file) {
        List<PemBlock> keys = PemBlocks.read(file).stream().filter(block -> block.label().endsWith("PRIVATE KEY")).toList();
        if (keys.isEmpty()) {
            boolean certificate = PemBlocks.read(file).stream().anyMatch(block -> block.label().equals("CERTIFICATE"));
            throw new TlsFileException(file, certificate
                    ? "holds a certificate, not a private key (are the certificate and key paths swapped?)"
                    : "holds no 'PRIVATE KEY' block");
        }
        if (keys.size() > 1) {
            throw new TlsFileException(file, "holds " + keys.size() + " private keys; keep only the certificate's key");
        }
        return of(file, keys.get(0));
    }

    static PrivateKey of(Path file, PemBlock block) {
        String decrypt = "; decrypt it once with 'openssl pkey -in " + file + " -out " + file + ".plain', keep the"
                + " result readable by the gateway's user only, and point the setting to it";
        if (block.label().equals("ENCRYPTED PRIVATE KEY") || block.encryptedByHeaders()) {
            throw new TlsFileException(file, "the private key is encrypted with a pass phrase, which the gateway"
                    + " cannot ask for" + decrypt);
        }
        try {
            return switch (block.label()) {
                case "PRIVATE KEY" -> pkcs8(block.der());
                case "RSA PRIVATE KEY" -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                        pkcs8(Der.encode(Der.OBJECT_IDENTIFIER, RSA_ENCRYPTION), Der.encode(Der.NULL, new byte[0]),
                                rsaChecked(block.der()))));
                case "EC PRIVATE KEY" -> KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                        pkcs8(Der.encode(Der.OBJECT_IDENTIFIER, EC_PUBLIC_KEY), curveOf(block.der()), block.der())));
                default -> throw new TlsFileException(file, "holds a '" + block.label() + "' block, which is not"
                        + " a key the gateway reads (PKCS#8 'PRIVATE KEY', 'RSA PRIVATE KEY' or 'EC PRIVATE KEY')");
            };
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            if (e instanceof TlsFileException known) {
                throw known;
            }
            throw new TlsFileException(file, "the '" + block.label() + "' block is not a valid key (damaged or"
                    + " cut short?): " + e.getMessage(), e);
        }
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        GeneralSecurityException last = null;
        for (String algorithm : PKCS8_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    private static byte[] pkcs8(byte[] algorithm, byte[] parameters, byte[] privateKey) {
        return Der.sequence(Der.encode(Der.INTEGER, new byte[] {0}), Der.sequence(algorithm, parameters),
                Der.encode(Der.OCTET_STRING, privateKey));
    }

    /** A PKCS#1 RSAPrivateKey is a SEQUENCE of nine INTEGERs, version 0 first. */
    private static byte[] rsaChecked(byte[] der) {
        Der.Element key = Der.single(der);
        List<Der.Element> fields = key.tag() == Der.SEQUENCE ? Der.children(key.content()) : List.of();
        if (fields.size() < 9 || fields.stream().anyMatch(field -> field.tag() != Der.INTEGER)) {
            throw new IllegalArgumentException("not a PKCS#1 RSAPrivateKey");
        }
        return der;
    }

    /** The curve's OID from a SEC1 ECPrivateKey: SEQUENCE { 1, OCTET STRING key, [0] curve, [1] public key }. */
    private static byte[] curveOf(byte[] der) {
        Der.Element key = Der.single(der);
        if (key.tag() != Der.SEQUENCE) {
            throw new IllegalArgumentException("not a SEC1 ECPrivateKey");
        }
        for (Der.Element field : Der.children(key.content())) {
            if (field.tag() == Der.CONTEXT_0) {
                Der.Element curve = Der.single(field.content());
                if (curve.tag() != Der.OBJECT_IDENTIFIER) {
                    throw new IllegalArgumentException("the key gives its curve explicitly, not by name;"
                            + " rewrite it with 'openssl pkey -in key -out key2'");
                }
                return curve.encoded();
            }
        }
        throw new IllegalArgumentException("the key does not name its curve");
    }
}
