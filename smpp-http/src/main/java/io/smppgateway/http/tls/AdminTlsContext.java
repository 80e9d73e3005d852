package io.smppgateway.http.tls;

import io.smppgateway.smpp.tls.ServerTls;
import io.smppgateway.smpp.tls.TlsIdentity;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The admin port's TLS server context, built from the PEM files {@code HTTP_SSL_CERT_PATH} and
 * {@code HTTP_SSL_KEY_PATH} by smpp-core's {@link TlsIdentity} (the SMPP port's reader: PKCS#8,
 * PKCS#1 and SEC1 keys, chains, encrypted keys refused with how to decrypt them, a key that is not
 * the certificate's refused), with the same versions and suites as the SMPP TLS port
 * ({@link ServerTls}): TLS 1.3 and 1.2, forward-secret AEAD suites only.
 */
public final class AdminTlsContext {

    /** The protocols offered, newest first. */
    public static final List<String> PROTOCOLS = ServerTls.PROTOCOLS;

    /** Forward-secret AEAD suites, in order of preference; those the JDK lacks are left out. */
    public static final List<String> CIPHER_SUITES = ServerTls.CIPHER_SUITES;

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
        TlsIdentity identity = TlsIdentity.load(certificateFile, keyFile);
        ServerTls.rejectClientRenegotiation();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = new char[0];
            store.setKeyEntry("admin", identity.key(), password, identity.chainArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, new SecureRandom());
            SSLParameters supported = context.getSupportedSSLParameters();
            List<String> suites = CIPHER_SUITES.stream()
                    .filter(Arrays.asList(supported.getCipherSuites())::contains).toList();
            return new AdminTlsContext(context, suites, identity.chain().get(0));
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
}
