package io.smppgateway.smpp.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.smpp.tls.TestPki.KeyForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Private keys in each PEM form openssl writes, checked against openssl's own PKCS#8 DER of the same key. */
class PrivateKeysTest {

    @TempDir
    static Path dir;
    private static TestPki pki;

    @BeforeAll
    static void authority() throws Exception {
        pki = TestPki.create(dir);
    }

    @ParameterizedTest
    @EnumSource(value = KeyForm.class, names = {"RSA_PKCS8", "RSA_PKCS1", "EC_SEC1", "EC_PKCS8"})
    void readsEachPlainFormAsTheKeyOpensslSeesInIt(KeyForm form) throws Exception {
        Path file = pki.key(form, "plain-" + form);
        String firstLabel = Files.readAllLines(file).stream().filter(line -> line.startsWith("-----BEGIN")).findFirst()
                .orElseThrow();
        assertEquals(switch (form) {
            case RSA_PKCS1 -> "-----BEGIN RSA PRIVATE KEY-----";
            case EC_SEC1 -> "-----BEGIN EC PARAMETERS-----";
            default -> "-----BEGIN PRIVATE KEY-----";
        }, firstLabel, "openssl wrote another form than the test means");

        PrivateKey ours = PrivateKeys.read(file);

        Path der = dir.resolve("plain-" + form + ".p8.der");
        TestPki.openssl("pkcs8", "-topk8", "-nocrypt", "-in", file.toString(), "-outform", "DER", "-out", der.toString());
        PrivateKey opensslView = KeyFactory.getInstance(ours.getAlgorithm())
                .generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(der)));
        assertSameKey(opensslView, ours);
    }

    private static void assertSameKey(PrivateKey expected, PrivateKey actual) {
        if (expected instanceof RSAPrivateCrtKey rsa) {
            RSAPrivateCrtKey other = (RSAPrivateCrtKey) actual;
            assertEquals(rsa.getModulus(), other.getModulus());
            assertEquals(rsa.getPrivateExponent(), other.getPrivateExponent());
            assertEquals(rsa.getPrimeP(), other.getPrimeP());
        } else {
            ECPrivateKey ec = (ECPrivateKey) expected;
            ECPrivateKey other = (ECPrivateKey) actual;
            assertEquals(ec.getS(), other.getS());
            assertEquals(ec.getParams().toString(), other.getParams().toString());
        }
    }

    @ParameterizedTest
    @EnumSource(value = KeyForm.class, names = {"RSA_PKCS8_ENCRYPTED", "RSA_PKCS1_ENCRYPTED"})
    void anEncryptedKeyIsRefusedWithTheCommandThatDecryptsIt(KeyForm form) throws Exception {
        Path file = pki.key(form, "encrypted-" + form);

        TlsFileException error = assertThrows(TlsFileException.class, () -> PrivateKeys.read(file));

        assertEquals(file, error.file());
        assertTrue(error.getMessage().startsWith(file + ": the private key is encrypted"), error.getMessage());
        assertTrue(error.getMessage().contains("openssl pkey -in " + file + " -out "), error.getMessage());
    }

    @Test
    void aDamagedBodyIsRefusedAsDamaged() throws Exception {
        Path good = pki.key(KeyForm.RSA_PKCS1, "to-damage");
        List<String> lines = Files.readAllLines(good);
        // the base64 stays valid, the DER inside does not: a line of the key lost
        lines.remove(3);
        Path damaged = Files.write(dir.resolve("damaged.key"), lines);

        TlsFileException error = assertThrows(TlsFileException.class, () -> PrivateKeys.read(damaged));

        assertTrue(error.reason().startsWith("the 'RSA PRIVATE KEY' block is not a valid key (damaged or cut short?)"),
                error.getMessage());
    }

    @Test
    void invalidBase64IsRefusedWithTheLineOfTheBlock() throws Exception {
        Path file = Files.writeString(dir.resolve("garbled.key"),
                "-----BEGIN PRIVATE KEY-----\nMIIE!!not*base64\n-----END PRIVATE KEY-----\n");

        TlsFileException error = assertThrows(TlsFileException.class, () -> PrivateKeys.read(file));

        assertEquals(file + ": the block 'PRIVATE KEY' begun on line 1 is not valid base64: the file is damaged",
                error.getMessage());
    }

    @Test
    void aFileCutShortIsRefusedAsCutShort() throws Exception {
        Path good = pki.key(KeyForm.EC_PKCS8, "to-cut");
        List<String> lines = Files.readAllLines(good);
        Path cut = Files.write(dir.resolve("cut.key"), lines.subList(0, lines.size() - 1));

        TlsFileException error = assertThrows(TlsFileException.class, () -> PrivateKeys.read(cut));

        assertEquals("the block 'PRIVATE KEY' begun on line 1 has no '-----END PRIVATE KEY-----' line:"
                + " the file is cut short", error.reason());
    }

    @Test
    void aFileThatIsNotPemIsRefusedWithHowToConvertDer() throws Exception {
        Path der = dir.resolve("key.der");
        TestPki.openssl("pkey", "-in", pki.key(KeyForm.RSA_PKCS8, "for-der").toString(), "-outform", "DER",
                "-out", der.toString());

        TlsFileException error = assertThrows(TlsFileException.class, () -> PrivateKeys.read(der));

        assertTrue(error.reason().startsWith("is not a PEM file"), error.getMessage());
        assertTrue(error.reason().contains("openssl pkey -inform der"), error.getMessage());
    }

    @Test
    void aCertificateGivenAsTheKeyIsRefusedAsSwapped() throws Exception {
        Path certificate = pki.rootCertificate();

        TlsFileException error = assertThrows(TlsFileException.class, () -> PrivateKeys.read(certificate));

        assertEquals("holds a certificate, not a private key (are the certificate and key paths swapped?)",
                error.reason());
    }

    @Test
    void aMissingFileIsRefusedAsUnreadable() {
        Path missing = dir.resolve("missing.key");

        TlsFileException error = assertThrows(TlsFileException.class, () -> PrivateKeys.read(missing));

        assertTrue(error.reason().startsWith("cannot be read"), error.getMessage());
    }
}
