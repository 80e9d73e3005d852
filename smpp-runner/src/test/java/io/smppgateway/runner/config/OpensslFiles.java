package io.smppgateway.runner.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Certificates and keys made by openssl in a folder, as an operator's tools make them. */
public final class OpensslFiles {

    private OpensslFiles() {
    }

    /** A self-signed certificate for 127.0.0.1 and localhost, with its key written as PKCS#1 ({@code BEGIN RSA PRIVATE KEY}). */
    public static Path[] selfSignedWithPkcs1Key(Path dir, String name) throws IOException, InterruptedException {
        Path key = dir.resolve(name + ".key");
        Path certificate = dir.resolve(name + ".pem");
        run("genrsa", "-traditional", "-out", key.toString(), "2048");
        run("req", "-x509", "-key", key.toString(), "-out", certificate.toString(), "-days", "2", "-subj",
                "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost");
        return new Path[] {certificate, key};
    }

    /** A PKCS#1 key encrypted with a pass phrase ({@code Proc-Type: 4,ENCRYPTED}). */
    public static Path encryptedKey(Path dir, String name) throws IOException, InterruptedException {
        Path key = dir.resolve(name + ".key");
        run("genrsa", "-traditional", "-aes256", "-passout", "pass:secret", "-out", key.toString(), "2048");
        return key;
    }

    private static void run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("openssl failed: " + command + "\n" + output);
        }
        if (!Files.exists(outputOf(arguments))) {
            throw new IllegalStateException("openssl wrote nothing: " + command);
        }
    }

    private static Path outputOf(String[] arguments) {
        for (int i = 0; i < arguments.length - 1; i++) {
            if (arguments[i].equals("-out")) {
                return Path.of(arguments[i + 1]);
            }
        }
        throw new IllegalArgumentException("no -out");
    }
}
