package io.tumorboard.federation.security;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * Writes a certificate and its private key as PEM (the key as unencrypted PKCS#8, owner-only), with BouncyCastle.
 * Only the certificate tooling ({@link CertificateAuthority}: {@code certs init}, {@code certs site}) writes; the
 * coordinator and the sites only read, through {@link JdkPemFiles}, so they never load these classes.
 */
final class CaPemFiles {

    private CaPemFiles() {
    }

    static void write(Path certFile, Path keyFile, X509Certificate cert, PrivateKey key) throws IOException {
        Files.createDirectories(certFile.getParent());
        try (Writer w = Files.newBufferedWriter(certFile, StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(cert);
        }
        Files.deleteIfExists(keyFile);
        Files.createFile(keyFile);
        try {
            // A private key is readable by its owner only.
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // On a non-POSIX file system the folder's own permissions are what protects the key.
        }
        try (Writer w = Files.newBufferedWriter(keyFile, StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(new JcaPKCS8Generator(key, null));
        }
    }
}
