package uk.nhs.icr.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The test server's TLS certificate (made by configure-wildfly.sh), trusted explicitly by every client of the tests. */
public final class ServerCertificate {

    private ServerCertificate() {
    }

    public static X509Certificate certificate() {
        try (InputStream pem = Files.newInputStream(Path.of(System.getProperty("icr.test.tls-certificate")))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the server's certificate cannot be read", e);
        }
    }

    /** An SSL context whose only trusted certificate is the server's. */
    public static SSLContext trustingContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("icr", certificate());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust the server's certificate", e);
        }
    }

    /** The certificate's public key pinned as Chromium takes it (base64 SHA-256 of the SubjectPublicKeyInfo). */
    public static String spkiPin() {
        try {
            byte[] spki = certificate().getPublicKey().getEncoded();
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
