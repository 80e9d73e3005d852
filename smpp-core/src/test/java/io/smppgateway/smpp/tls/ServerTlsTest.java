package io.smppgateway.smpp.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.server.EsmeAccount;
import io.smppgateway.smpp.server.SmppServer;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.tls.TestPki.KeyForm;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SMPP server's TLS port, reached by the JDK's client and by openssl's: which keys it serves
 * with, which versions and suites it accepts, renegotiation, and a bad key failing the start.
 */
class ServerTlsTest {

    /** enquire_link, sequence 1: length 16, command id 0x00000015, status 0, sequence 1. */
    private static final byte[] ENQUIRE_LINK = HexFormat.of().parseHex("00000010" + "00000015" + "00000000" + "00000001");

    @TempDir
    static Path dir;
    private static TestPki pki;
    private static SmppServer rsaServer;

    @BeforeAll
    static void startServer() throws Exception {
        pki = TestPki.create(dir);
        rsaServer = start(pki.localServer(KeyForm.RSA_PKCS1, "rsa-server"), 0);
    }

    @AfterAll
    static void stopServer() {
        if (rsaServer != null) {
            rsaServer.close();
        }
    }

    private static SmppServer start(TestPki.Server identity, int plainPort) {
        EsmeAccount account = new EsmeAccount(1, "esme", "pw", true, List.of(), 10, 0);
        SmppServerConfig config = SmppServerConfig.defaults().withAddress("127.0.0.1", plainPort)
                .withTls(0, identity.certificate(), identity.key());
        return SmppServer.start(config, systemId -> CompletableFuture.completedFuture(Optional.of(account)),
                (owner, session, request) -> request instanceof SubmitSm submit
                        ? CompletableFuture.completedFuture(submit.response("tls"))
                        : null,
                PduListener.NONE);
    }

    /** A JDK client trusting only the root CA, checking the host name as HTTPS does. */
    private static SSLSocket client(int port, List<String> protocols, List<String> suites) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream pem = Files.newInputStream(pki.rootCertificate())) {
            trust.setCertificateEntry("root", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setProtocols(protocols.toArray(String[]::new));
        if (suites != null) {
            parameters.setCipherSuites(suites.toArray(String[]::new));
        }
        socket.setSSLParameters(parameters);
        return socket;
    }

    /** Sends enquire_link and reads the answer's header. */
    private static byte[] enquireLink(SSLSocket socket) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(ENQUIRE_LINK);
        out.flush();
        return socket.getInputStream().readNBytes(16);
    }

    @ParameterizedTest
    @EnumSource(value = KeyForm.class, names = {"RSA_PKCS8", "RSA_PKCS1", "EC_SEC1", "EC_PKCS8"})
    void servesWithEachKeyFormAndSendsTheIntermediateSoTheRootAloneIsTrusted(KeyForm form) throws Exception {
        try (SmppServer server = start(pki.localServer(form, "served-" + form), -1);
             SSLSocket socket = client(server.tlsPort(), List.of("TLSv1.3", "TLSv1.2"), null)) {
            socket.startHandshake();

            assertEquals("TLSv1.3", socket.getSession().getProtocol());
            assertEquals(2, socket.getSession().getPeerCertificates().length);
            assertEquals("00000015", HexFormat.of().formatHex(enquireLink(socket), 4, 8).replace("8", "0"),
                    "an enquire_link_resp (0x80000015) over TLS");
        }
    }

    @Test
    void aClientOfferingOnlyStaticRsaWithCbcIsRefused() throws Exception {
        try (SSLSocket socket = client(rsaServer.tlsPort(), List.of("TLSv1.2"), List.of("TLS_RSA_WITH_AES_128_CBC_SHA"))) {
            assertThrows(SSLHandshakeException.class, socket::startHandshake);
        }
    }

    @Test
    void aClientOfferingOnlyStaticRsaWithGcmIsRefused() throws Exception {
        // AEAD, but without forward secrecy: whoever gets the server's key later reads every recorded session
        try (SSLSocket socket = client(rsaServer.tlsPort(), List.of("TLSv1.2"),
                List.of("TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_GCM_SHA384"))) {
            assertThrows(SSLHandshakeException.class, socket::startHandshake);
        }
    }

    @Test
    void aClientOfferingOnlyEcdheWithCbcSha1IsRefused() throws Exception {
        try (SSLSocket socket = client(rsaServer.tlsPort(), List.of("TLSv1.2"),
                List.of("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"))) {
            assertThrows(SSLHandshakeException.class, socket::startHandshake);
        }
    }

    @Test
    void anEcdheGcmClientOnTls12IsServed() throws Exception {
        try (SSLSocket socket = client(rsaServer.tlsPort(), List.of("TLSv1.2"),
                List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"))) {
            socket.startHandshake();

            assertEquals("TLSv1.2", socket.getSession().getProtocol());
            assertEquals("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", socket.getSession().getCipherSuite());
        }
    }

    @Test
    void aTls12ClientLeftToChooseGetsAForwardSecretAeadSuite() throws Exception {
        try (SSLSocket socket = client(rsaServer.tlsPort(), List.of("TLSv1.2"), null)) {
            socket.startHandshake();

            assertTrue(ServerTls.CIPHER_SUITES.contains(socket.getSession().getCipherSuite()),
                    socket.getSession().getCipherSuite());
        }
    }

    @Test
    void clientInitiatedRenegotiationIsRefused() throws Exception {
        try (SSLSocket socket = client(rsaServer.tlsPort(), List.of("TLSv1.2"), null)) {
            socket.startHandshake();
            assertNotEquals(0, enquireLink(socket).length);

            // On TLS 1.2 a second startHandshake() asks the server to renegotiate.
            assertThrows(SSLException.class, () -> {
                socket.startHandshake();
                enquireLink(socket);
            });
        }
    }

    @Test
    void tls11IsRefusedToOpensslsClient() throws Exception {
        // SECLEVEL=0 lets openssl offer TLS 1.1 at all: the server alone must refuse it.
        Result refused = sClient("-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0");
        Result served = sClient("-tls1_3");

        assertNotEquals(0, refused.exitCode(), refused.output());
        assertEquals(0, served.exitCode(), served.output());
        assertTrue(served.output().contains("Verify return code: 0 (ok)"), served.output());
    }

    @Test
    void opensslsClientOfferingOnlyCbcSuitesOnTls12IsRefused() throws Exception {
        Result refused = sClient("-tls1_2", "-cipher", "AES128-SHA:ECDHE-RSA-AES128-SHA:AES256-SHA256");

        assertNotEquals(0, refused.exitCode(), refused.output());
    }

    private record Result(int exitCode, String output) {
    }

    private static Result sClient(String... options) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/openssl", "s_client", "-connect",
                "127.0.0.1:" + rsaServer.tlsPort(), "-CAfile", pki.rootCertificate().toString(),
                "-verify_ip", "127.0.0.1", "-verify_return_error"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "openssl s_client did not finish");
        return new Result(process.exitValue(), output);
    }

    @Test
    void aBadKeyFailsTheStartBeforeThePlainPortListens() throws Exception {
        TestPki.Server encrypted = pki.localServer(KeyForm.RSA_PKCS1_ENCRYPTED, "encrypted-server");
        int plainPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            plainPort = probe.getLocalPort();
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        TlsFileException error;
        try {
            error = assertThrows(TlsFileException.class, () -> start(encrypted, plainPort));
        } finally {
            System.setErr(original);
        }

        assertEquals(encrypted.key(), error.file());
        String log = captured.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains("listening on"), "a port listened before the key was refused:\n" + log);
    }
}
