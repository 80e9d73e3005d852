package io.smppgateway.smpp.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.smpp.tls.TestPki.KeyForm;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A certificate chain and its key, read from PEM files and checked to belong together. */
class TlsIdentityTest {

    @TempDir
    static Path dir;
    private static TestPki pki;

    @BeforeAll
    static void authority() throws Exception {
        pki = TestPki.create(dir);
    }

    @ParameterizedTest
    @EnumSource(value = KeyForm.class, names = {"RSA_PKCS8", "RSA_PKCS1", "EC_SEC1", "EC_PKCS8"})
    void readsAChainOfSeveralCertificatesInFileOrderWithItsKey(KeyForm form) throws Exception {
        TestPki.Server server = pki.localServer(form, "server-" + form);

        TlsIdentity identity = TlsIdentity.load(server.certificate(), server.key());

        assertEquals(2, identity.chain().size());
        assertEquals("CN=server-" + form, identity.chain().get(0).getSubjectX500Principal().getName());
        assertEquals("CN=Test Intermediate CA", identity.chain().get(1).getSubjectX500Principal().getName());
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRefusedNamingTheKeyFile() throws Exception {
        TestPki.Server server = pki.localServer(KeyForm.RSA_PKCS8, "mismatched");
        Path otherKey = pki.key(KeyForm.RSA_PKCS1, "someone-else");

        TlsFileException error = assertThrows(TlsFileException.class,
                () -> TlsIdentity.load(server.certificate(), otherKey));

        assertEquals(otherKey, error.file());
        assertTrue(error.reason().startsWith("is not the private key of the certificate in " + server.certificate()
                + " (CN=mismatched)"), error.getMessage());
    }

    @Test
    void anEcKeyForAnRsaCertificateIsRefusedAsNotItsKey() throws Exception {
        TestPki.Server server = pki.localServer(KeyForm.RSA_PKCS8, "rsa-cert");
        Path ecKey = pki.key(KeyForm.EC_SEC1, "ec-key");

        TlsFileException error = assertThrows(TlsFileException.class,
                () -> TlsIdentity.load(server.certificate(), ecKey));

        assertEquals(ecKey, error.file());
    }

    @Test
    void aKeyGivenAsTheCertificateIsRefusedAsSwapped() throws Exception {
        TestPki.Server server = pki.localServer(KeyForm.RSA_PKCS8, "swapped");

        TlsFileException error = assertThrows(TlsFileException.class,
                () -> TlsIdentity.load(server.key(), server.certificate()));

        assertEquals(server.key(), error.file());
        assertEquals("holds a private key, not a certificate (are the certificate and key paths swapped?)",
                error.reason());
    }

    @Test
    void aDamagedCertificateIsRefusedWithItsPlaceInTheChain() throws Exception {
        TestPki.Server server = pki.localServer(KeyForm.RSA_PKCS8, "damaged-chain");
        String chain = Files.readString(server.certificate());
        int second = chain.indexOf("-----BEGIN CERTIFICATE-----", 10);
        // the second certificate's first body line replaced by other valid base64
        int lineStart = chain.indexOf('\n', second) + 1;
        int lineEnd = chain.indexOf('\n', lineStart);
        Path damaged = Files.writeString(dir.resolve("damaged-chain.pem"),
                chain.substring(0, lineStart) + "A".repeat(lineEnd - lineStart) + chain.substring(lineEnd));

        TlsFileException error = assertThrows(TlsFileException.class, () -> TlsIdentity.load(damaged, server.key()));

        assertTrue(error.reason().startsWith("certificate #2 is not a valid X.509 certificate"), error.getMessage());
    }
}
