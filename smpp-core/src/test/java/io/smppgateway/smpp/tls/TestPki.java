package io.smppgateway.smpp.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private certificate authority made by openssl in a temp dir, as an operator's tools make one:
 * a root CA, an intermediate CA it signed, and server keys in each PEM form with certificates the
 * intermediate signs. openssl is an implementation independent of the code under test.
 */
public final class TestPki {

    /** The forms an operator's private key file comes in. */
    public enum KeyForm {
        /** {@code BEGIN PRIVATE KEY}, RSA. */
        RSA_PKCS8("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"),
        /** {@code BEGIN RSA PRIVATE KEY}. */
        RSA_PKCS1("genrsa", "-traditional", "2048"),
        /** {@code BEGIN EC PARAMETERS} then {@code BEGIN EC PRIVATE KEY}. */
        EC_SEC1("ecparam", "-name", "prime256v1", "-genkey"),
        /** {@code BEGIN PRIVATE KEY}, EC. */
        EC_PKCS8("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"),
        /** {@code BEGIN ENCRYPTED PRIVATE KEY}. */
        RSA_PKCS8_ENCRYPTED("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-aes256",
                "-pass", "pass:secret"),
        /** {@code BEGIN RSA PRIVATE KEY} with {@code Proc-Type: 4,ENCRYPTED}. */
        RSA_PKCS1_ENCRYPTED("genrsa", "-traditional", "-aes256", "-passout", "pass:secret", "2048");

        private final String[] command;

        KeyForm(String... command) {
            this.command = command;
        }
    }

    /** A key file and a certificate chain file (server certificate, then the intermediate CA). */
    public record Server(Path certificate, Path key) {
    }

    private final Path dir;
    private final Path rootCertificate;
    private final Path intermediateCertificate;
    private final Path intermediateKey;

    private TestPki(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        Path rootKey = dir.resolve("root-ca.key");
        rootCertificate = dir.resolve("root-ca.pem");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", rootKey.toString(), "-out",
                rootCertificate.toString(), "-days", "2", "-subj", "/CN=Test Root CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        intermediateKey = key(KeyForm.RSA_PKCS8, "intermediate-ca");
        intermediateCertificate = sign(intermediateKey, "intermediate-ca", "/CN=Test Intermediate CA",
                "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n", rootCertificate, rootKey);
    }

    public static TestPki create(Path dir) throws IOException, InterruptedException {
        return new TestPki(dir);
    }

    /** The root CA's certificate: what a client trusts. */
    public Path rootCertificate() {
        return rootCertificate;
    }

    /** A new key in {@code form}. */
    public Path key(KeyForm form, String name) throws IOException, InterruptedException {
        Path key = dir.resolve(name + ".key");
        List<String> command = new ArrayList<>(List.of(form.command));
        command.addAll(1, List.of("-out", key.toString()));
        openssl(command.toArray(String[]::new));
        return key;
    }

    /**
     * A server with a key in {@code form} and a certificate for {@code subjectAltName} (as openssl
     * writes it: {@code IP:127.0.0.1,DNS:localhost}), the chain file holding the intermediate too.
     */
    public Server server(KeyForm form, String name, String subjectAltName) throws IOException, InterruptedException {
        Path key = key(form, name);
        Path leaf = sign(key, name, "/CN=" + name, "subjectAltName=" + subjectAltName
                + "\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n",
                intermediateCertificate, intermediateKey);
        Path chain = dir.resolve(name + "-chain.pem");
        Files.writeString(chain, Files.readString(leaf) + Files.readString(intermediateCertificate));
        return new Server(chain, key);
    }

    /** A server for 127.0.0.1 and localhost. */
    public Server localServer(KeyForm form, String name) throws IOException, InterruptedException {
        return server(form, name, "IP:127.0.0.1,DNS:localhost");
    }

    private Path sign(Path key, String name, String subject, String extensions, Path caCertificate, Path caKey)
            throws IOException, InterruptedException {
        Path request = dir.resolve(name + ".csr");
        Path certificate = dir.resolve(name + ".pem");
        Path extensionFile = Files.writeString(dir.resolve(name + ".ext"), extensions);
        openssl("req", "-new", "-key", key.toString(), "-passin", "pass:secret", "-subj", subject, "-out", request.toString());
        openssl("x509", "-req", "-in", request.toString(), "-CA", caCertificate.toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-days", "2", "-extfile", extensionFile.toString(), "-out", certificate.toString());
        return certificate;
    }

    /** Runs openssl; fails the test with its output when it fails. */
    public static String openssl(String... arguments) throws IOException, InterruptedException {
        Path openssl = Path.of("/usr/bin/openssl");
        if (!Files.isExecutable(openssl)) {
            throw new IllegalStateException("TLS tests need openssl at " + openssl);
        }
        List<String> command = new ArrayList<>();
        command.add(openssl.toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("openssl did not finish: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("openssl failed: " + command + "\n" + output);
        }
        return output;
    }
}
