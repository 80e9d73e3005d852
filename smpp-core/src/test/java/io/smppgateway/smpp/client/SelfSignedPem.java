package io.smppgateway.smpp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A self-signed certificate for 127.0.0.1/localhost and its PKCS#8 key, made by openssl in a temp dir. */
public record SelfSignedPem(Path certificate, Path privateKey) {

    public static SelfSignedPem create(Path dir, String name) throws IOException, InterruptedException {
        Path openssl = Path.of("/usr/bin/openssl");
        if (!Files.isExecutable(openssl)) {
            throw new IllegalStateException("TLS tests need openssl at " + openssl + " to make a certificate");
        }
        Path certificate = dir.resolve(name + "-cert.pem");
        Path key = dir.resolve(name + "-key.pem");
        Process process = new ProcessBuilder(openssl.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", key.toString(), "-out", certificate.toString(), "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("openssl did not finish");
        }
        assertEquals(0, process.exitValue(), "openssl failed: " + output);
        // OpenSSL 3 writes the key as PKCS#8 ("BEGIN PRIVATE KEY"), the form the server loads.
        assertEquals("-----BEGIN PRIVATE KEY-----", Files.readAllLines(key).get(0));
        return new SelfSignedPem(certificate, key);
    }
}
