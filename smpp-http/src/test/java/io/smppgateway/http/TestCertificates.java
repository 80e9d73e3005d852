package io.smppgateway.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed certificates for 127.0.0.1, made for one test in its temporary folder by OpenSSL
 * (an implementation independent of the reader under test), in the key forms operators have:
 * PKCS#8, and OpenSSL's "traditional" PKCS#1 RSA and SEC1 EC. No key is kept in the repository.
 */
record TestCertificates(Path certificate, Path pkcs8Key, Path traditionalKey) {

    /** {@code rsa:2048} or {@code ec} (P-256). */
    static TestCertificates make(Path folder, String kind) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        String name = kind.startsWith("rsa") ? "rsa" : "ec";
        Path certificate = folder.resolve(name + "-cert.pem");
        Path pkcs8 = folder.resolve(name + "-key-pkcs8.pem");
        Path traditional = folder.resolve(name + "-key-traditional.pem");
        List<String> request = new ArrayList<>(List.of("openssl", "req", "-x509", "-nodes", "-days", "2",
                "-subj", "/CN=smpp-gateway test", "-addext", "subjectAltName=IP:127.0.0.1",
                "-keyout", pkcs8.toString(), "-out", certificate.toString()));
        if (name.equals("rsa")) {
            request.addAll(List.of("-newkey", "rsa:2048"));
        } else {
            request.addAll(List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"));
        }
        run(request);
        run(List.of("openssl", "pkey", "-in", pkcs8.toString(), "-traditional", "-out", traditional.toString()));
        return new TestCertificates(certificate, pkcs8, traditional);
    }

    /** A client context that trusts only this certificate. */
    SSLContext clientContext() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trust.setCertificateEntry("server",
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("openssl is needed to make the test certificates"
                    + " (apt-get install -y openssl)", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
